"""The inquiry form: server-side validation only, values normalised, messages that say what to do.

Besides the visitor's fields it carries two guards (shared/reference/accessibility-and-forms.md
§3.5): a honeypot field `website` that people never see, and `started`, a signed time-stamp of
when the form was first shown (a post faster than INQUIRY_MIN_FILL_SECONDS is likely automated;
one older than a day is re-stamped and the visitor asked to confirm again).
"""

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

from inquiries import normalize
from inquiries.models import InquiryCategory
from jnpoc_site.fallback import DEFAULT_LANGUAGE, shows_fallback, translated_html
from pages.models import LecturerTheme

STARTED_SALT = "inquiries.form-started"
STARTED_MAX_AGE = 24 * 60 * 60
MESSAGE_MAX_LENGTH = 4000


def sign_started() -> str:
    return signing.TimestampSigner(salt=STARTED_SALT).sign("inquiry")


def started_problem(token: str) -> str | None:
    """What is wrong with the form's time-stamp: "too_fast", "expired" (also when it is missing
    or forged: a person re-confirms and loses nothing), or None when it is acceptable."""
    signer = signing.TimestampSigner(salt=STARTED_SALT)
    try:
        signer.unsign(token, max_age=STARTED_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired included
        return "expired"
    min_seconds = settings.INQUIRY_MIN_FILL_SECONDS
    if min_seconds > 0:
        try:
            signer.unsign(token, max_age=min_seconds)
        except signing.SignatureExpired:
            return None  # older than the minimum: a person had time to fill it in
        return "too_fast"
    return None


class TextField(forms.CharField):
    """One line of text: control characters removed, runs of spaces collapsed."""

    multiline = False

    def widget_attrs(self, widget):
        # No maxlength: the browser would cut a pasted text silently; the server says so instead.
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs

    def to_python(self, value):
        value = super().to_python(value)
        return normalize.clean_text(value, multiline=self.multiline)


class FreeTextField(TextField):
    """Free text: keeps its line breaks and tabs; never NFKC-normalised."""

    multiline = True


class KanaField(TextField):
    def to_python(self, value):
        return normalize.to_katakana(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value and not normalize.KATAKANA_PATTERN.match(value):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class PhoneField(TextField):
    def to_python(self, value):
        return normalize.normalize_phone(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value and not normalize.PHONE_PATTERN.match(value):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class EmailAddressField(TextField):
    default_validators = []

    def to_python(self, value):
        return normalize.normalize_email(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value and len(value) <= 254:
            EmailValidator(self.error_messages["invalid"])(value)


class CategoryField(forms.ModelChoiceField):
    """Radio buttons whose labels are HTML: a label shown in Japanese is marked lang="ja"."""

    def label_from_instance(self, obj):
        return translated_html(obj, "label")


class ThemeSelect(forms.Select):
    """<option> holds text only, so a theme name shown in Japanese marks its option lang="ja"."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        theme = getattr(value, "instance", None)
        if theme is not None and shows_fallback(theme, "name"):
            option["attrs"]["lang"] = DEFAULT_LANGUAGE
        return option


class ThemeField(forms.ModelChoiceField):
    widget = ThemeSelect

    def label_from_instance(self, obj):
        return obj.name


class InquiryForm(forms.Form):
    category = CategoryField(
        label=_("お問い合わせの種別"),
        queryset=InquiryCategory.objects.published().order_by("position", "pk"),
        to_field_name="slug",
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("お問い合わせの種別を選んでください。"),
            "invalid_choice": _("お問い合わせの種別を一覧から選んでください。"),
        },
    )
    organization = TextField(
        label=_("自治体名・団体名"),
        max_length=100,
        help_text=_("例：○○市"),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={
            "required": _("自治体名・団体名を入力してください。"),
            "max_length": _(
                "自治体名・団体名は%(limit_value)s文字以内で入力してください（現在%(show_value)s文字）。"
            ),
        },
    )
    department = TextField(
        label=_("部署名"),
        max_length=100,
        required=False,
        help_text=_("例：市民協働課"),
        # No autocomplete token names a department ("organization-title" is a job title).
        widget=forms.TextInput(),
        error_messages={
            "max_length": _(
                "部署名は%(limit_value)s文字以内で入力してください（現在%(show_value)s文字）。"
            ),
        },
    )
    name = TextField(
        label=_("お名前"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("お名前を入力してください。"),
            "max_length": _(
                "お名前は%(limit_value)s文字以内で入力してください（現在%(show_value)s文字）。"
            ),
        },
    )
    name_kana = KanaField(
        label=_("フリガナ"),
        max_length=100,
        required=False,
        help_text=_("カタカナで入力してください。ひらがなや半角カナでもかまいません。"),
        error_messages={
            "invalid": _("フリガナはカタカナかひらがなで入力してください（例：ヤマダ タロウ）。"),
            "max_length": _(
                "フリガナは%(limit_value)s文字以内で入力してください（現在%(show_value)s文字）。"
            ),
        },
    )
    email = EmailAddressField(
        label=_("メールアドレス"),
        max_length=254,
        help_text=_("受付番号をお知らせするメールをこのアドレスにお送りします。"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("メールアドレスを入力してください。"),
            "invalid": _("メールアドレスの形式が正しくありません（例：name@example.jp）。"),
            "max_length": _(
                "メールアドレスは%(limit_value)s文字以内で入力してください（現在%(show_value)s文字）。"
            ),
        },
    )
    phone = PhoneField(
        label=_("電話番号"),
        max_length=30,
        required=False,
        help_text=_("例：03-1234-5678（ハイフンはなくてもかまいません）"),
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
        error_messages={
            "invalid": _(
                "電話番号は0から始まる10桁か11桁の数字で入力してください（例：03-1234-5678）。"
            ),
            "max_length": _(
                "電話番号は%(limit_value)s文字以内で入力してください（現在%(show_value)s文字）。"
            ),
        },
    )
    message = FreeTextField(
        label=_("お問い合わせ内容"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("4,000文字以内で入力してください。"),
        widget=forms.Textarea(attrs={"rows": 8, "cols": 40}),
        error_messages={
            "required": _("お問い合わせ内容を入力してください。"),
            "max_length": _(
                "お問い合わせ内容は%(limit_value)s文字以内で入力してください（現在%(show_value)s文字）。"
            ),
        },
    )
    preferred_dates = FreeTextField(
        label=_("希望日時"),
        max_length=500,
        required=False,
        help_text=_("候補をいくつかお書きください（例：2027年2月の平日午後）。"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 40}),
        error_messages={
            "max_length": _(
                "希望日時は%(limit_value)s文字以内で入力してください（現在%(show_value)s文字）。"
            ),
        },
    )
    audience_size = TextField(
        label=_("参加予定人数"),
        max_length=100,
        required=False,
        help_text=_("例：30名程度"),
        error_messages={
            "max_length": _(
                "参加予定人数は%(limit_value)s文字以内で入力してください（現在%(show_value)s文字）。"
            ),
        },
    )
    theme = ThemeField(
        label=_("希望するテーマ"),
        queryset=LecturerTheme.objects.published()
        .filter(offering__status="published")
        .order_by("offering__position", "position", "pk"),
        required=False,
        empty_label=_("未定・その他（内容欄にお書きください）"),
        error_messages={"invalid_choice": _("希望するテーマを一覧から選んでください。")},
    )
    consent = forms.BooleanField(
        label=_("個人情報の取扱いに同意する"),
        error_messages={
            "required": _("個人情報の取扱いに同意する場合はチェックを入れてください。"),
        },
    )
    # Guards: never shown to people (see the template and the module docstring). No length
    # limit: an error on a field nobody sees could not be explained; neither value is stored.
    website = TextField(
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    GUARD_FIELDS = ("website", "started")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.use_required_attribute = False
        self.fresh_started = None
        self.fields["consent"].help_text = _(
            "ご入力いただいた個人情報は、お問い合わせへの回答（フォーラム・講座や自治体会員についての"
            "お問い合わせでは、関連するご案内を含みます）のためにだけ利用し、受け付けてから"
            "%(days)s日を過ぎると削除します。"
        ) % {"days": settings.INQUIRY_RETENTION_DAYS}

    @property
    def started_token(self) -> str:
        """The time-stamp the page carries: a fresh one when the old one had to be replaced."""
        if self.fresh_started:
            return self.fresh_started
        if self.is_bound:
            return str(self.data.get("started", ""))[:200]
        return self.initial.get("started") or sign_started()

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def clean(self):
        cleaned = super().clean()
        problem = started_problem(str(self.data.get("started", "")))
        if problem == "too_fast":
            self.add_error(
                None,
                forms.ValidationError(
                    _(
                        "入力から送信までの時間が短すぎたため、自動送信の可能性があると判断しました。"
                        "入力内容はそのまま残っています。内容を確かめて、もう一度ボタンを押してください。"
                    ),
                    code="too_fast",
                ),
            )
        elif problem == "expired":
            self.fresh_started = sign_started()
            self.add_error(
                None,
                forms.ValidationError(
                    _(
                        "入力画面を開いてから時間がたったため、確認が必要です。入力内容はそのまま"
                        "残っています。内容を確かめて、もう一度ボタンを押してください。"
                    ),
                    code="expired",
                ),
            )
        return cleaned

    def error_links(self) -> list[tuple[str, str]]:
        """(anchor, message) for the error summary: each problem links to the field to fix."""
        links = [("#inquiry-submit", str(error)) for error in self.non_field_errors()]
        for name in self.fields:
            if name in self.GUARD_FIELDS:
                continue
            anchor = f"#id_{name}_0" if name == "category" else f"#id_{name}"
            links.extend((anchor, str(error)) for error in self.errors.get(name, []))
        return links

    def confirm_rows(self) -> list[tuple[str, str, bool]]:
        """(label, value, is_free_text) of every visible field, as it will be sent."""
        rows = []
        for name in self.fields:
            if name in self.GUARD_FIELDS or name == "consent":
                continue
            value = self.cleaned_data.get(name)
            if name == "category":
                value = translated_html(value, "label")
            elif name == "theme":
                value = translated_html(value, "name") if value else ""
            elif name == "phone":
                value = normalize.format_phone(value)
            rows.append(
                (self.fields[name].label, value, isinstance(self.fields[name], FreeTextField))
            )
        return rows

    def draft_data(self) -> dict[str, str]:
        """The cleaned values in the form's own input format: kept between the steps."""
        data = {}
        for name in self.fields:
            value = self.cleaned_data.get(name)
            if name == "category":
                value = value.slug
            elif name == "theme":
                value = str(value.pk) if value else ""
            elif name == "consent":
                value = "on" if value else ""
            data[name] = value or ""
        data["started"] = self.started_token
        data["website"] = data["website"][:100]  # only whether it was filled in matters
        return data
