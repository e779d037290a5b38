"""Admin forms that take uploads: files are checked while the form validates (a bad file is a
form error in Japanese, never a 500) and stored by events.images while the form saves."""

from django import forms
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from events import images

IMAGE_ACCEPT = "image/jpeg,image/png,image/webp"


class ImageUploadForm(forms.ModelForm):
    """For models with events.models.ImageFields: an upload, alt text required in both languages."""

    image_required = False

    upload = forms.FileField(
        label=_("画像ファイル"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT}),
        help_text=_(
            "JPEG・PNG・WebP形式、10MBまで。位置情報などの撮影データは削除し、"
            "表示用に縮小した画像を作ります。"
        ),
    )
    remove_image = forms.BooleanField(label=_("画像を削除する"), required=False)

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return None
        return images.image_check(upload)

    def clean(self):
        cleaned = super().clean()
        has_image = bool(cleaned.get("upload")) or (
            bool(self.instance.image) and not cleaned.get("remove_image")
        )
        if self.image_required and not has_image and "upload" not in self.errors:
            self.add_error("upload", _("画像ファイルを選んでください。"))
        if has_image:
            for code in ("ja", "en"):
                name = build_localized_fieldname("alt", code)
                if name in self.fields and not (cleaned.get(name) or "").strip():
                    self.add_error(
                        name,
                        _("画像の代替テキストを日本語と英語の両方で入力してください。"),
                    )
        return cleaned

    def save(self, commit=True):
        checked = self.cleaned_data.get("upload")
        if checked:
            images.image_attach(instance=self.instance, checked=checked)
        elif self.cleaned_data.get("remove_image"):
            images.image_detach(instance=self.instance)
        return super().save(commit=commit)


class PhotoForm(ImageUploadForm):
    image_required = True


class EditionForm(forms.ModelForm):
    flyer_upload = forms.FileField(
        label=_("チラシのファイル"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf," + IMAGE_ACCEPT}),
        help_text=_("PDF、またはJPEG・PNG・WebP形式の画像。10MBまで。"),
    )
    remove_flyer = forms.BooleanField(label=_("チラシを削除する"), required=False)

    def clean_flyer_upload(self):
        upload = self.cleaned_data.get("flyer_upload")
        if not upload:
            return None
        return images.flyer_check(upload)

    def save(self, commit=True):
        checked = self.cleaned_data.get("flyer_upload")
        if checked:
            images.flyer_attach(edition=self.instance, checked=checked)
        elif self.cleaned_data.get("remove_flyer"):
            self.instance.flyer = ""
            self.instance.flyer_size = None
        return super().save(commit=commit)
