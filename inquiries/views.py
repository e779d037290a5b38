"""The inquiry form in three steps: input → confirm → complete (Post/Redirect/Get).

Between the steps the cleaned values live in the session (never in hidden fields the browser
could alter), with a one-time submission token: however often the confirm step is posted
(double click, reload, back and resubmit), the token makes it one inquiry (inquiries/services.py).
The complete page shows the reference number only to the session that submitted.
"""

import logging
import math
import uuid

from django.conf import settings
from django.db import DatabaseError
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from inquiries.forms import InquiryForm
from inquiries.models import Inquiry
from inquiries.services import RateLimited, client_key, inquiry_submit
from jnpoc_site.proxies import client_ip

logger = logging.getLogger(__name__)

DRAFT_KEY = "inquiry_draft"
DONE_KEY = "inquiry_done"


@method_decorator(never_cache, name="dispatch")
class InquiryFormView(TemplateView):
    """Step 1: the form; a valid post is kept as the draft and leads to the confirm step."""

    template_name = "inquiries/inquiry_form.html"

    def get(self, request, *args, **kwargs):
        draft = request.session.get(DRAFT_KEY)
        initial = dict(draft["data"]) if draft else {}
        category = request.GET.get("category")
        if category:
            initial["category"] = category
        return self.render_to_response(self.get_context_data(form=InquiryForm(initial=initial)))

    def post(self, request, *args, **kwargs):
        form = InquiryForm(data=request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.draft_data()
        draft = request.session.get(DRAFT_KEY)
        # Unchanged values keep their token: confirming the same thing twice is one inquiry.
        same = draft and _same_values(draft["data"], data)
        token = draft["token"] if same else str(uuid.uuid4())
        request.session[DRAFT_KEY] = {"data": data, "token": token}
        return redirect("inquiries:inquiry_confirm")


def _same_values(old: dict, new: dict) -> bool:
    ignored = set(InquiryForm.GUARD_FIELDS)
    return {k: v for k, v in old.items() if k not in ignored} == {
        k: v for k, v in new.items() if k not in ignored
    }


@method_decorator(never_cache, name="dispatch")
class InquiryConfirmView(TemplateView):
    """Step 2: exactly what will be sent, with 修正する (back to the form) and 送信する."""

    template_name = "inquiries/inquiry_confirm.html"

    def get(self, request, *args, **kwargs):
        draft = request.session.get(DRAFT_KEY)
        if not draft:
            if request.session.get(DONE_KEY):
                return redirect("inquiries:inquiry_complete")
            return redirect("inquiries:inquiry_form")
        form = InquiryForm(data=draft["data"])
        if not form.is_valid():  # e.g. a category withdrawn since: back to the form, say why
            return self.render_form(form)
        return self.render_to_response(self.get_context_data(form=form, token=draft["token"]))

    def post(self, request, *args, **kwargs):
        try:
            token = uuid.UUID(str(request.POST.get("token", "")))
        except ValueError:
            return redirect("inquiries:inquiry_form")
        draft = request.session.get(DRAFT_KEY)
        done = request.session.get(DONE_KEY)
        own = (draft and draft["token"] == str(token)) or (done and done["token"] == str(token))
        existing = Inquiry.objects.filter(submission_token=token).first()
        if existing is not None:  # sent already: a double click, a reload, back and resubmit
            if own:
                self.remember_done(existing)
            return redirect("inquiries:inquiry_complete")
        if not (draft and draft["token"] == str(token)):
            return redirect("inquiries:inquiry_form")

        form = InquiryForm(data=draft["data"])
        if not form.is_valid():
            return self.render_form(form)
        try:
            inquiry = inquiry_submit(
                data=form.cleaned_data,
                language=request.LANGUAGE_CODE,
                submission_token=token,
                client=client_key(client_ip(request)),
                is_spam=form.is_spam,
            )
        except RateLimited:
            minutes = math.ceil(settings.INQUIRY_RATE_LIMIT[1] / 60)
            form.add_error(
                None,
                _(
                    "短い時間に続けて送信されたため、受け付けを一時的に止めています。入力内容は"
                    "そのまま残っています。%(minutes)s分ほど待ってから、もう一度送信してください。"
                )
                % {"minutes": minutes},
            )
            return self.render_form(form, status=429)
        except DatabaseError:
            logger.exception("Inquiry not stored: database error (the draft is kept)")
            context = self.get_context_data(
                form=form,
                token=draft["token"],
                failure=_(
                    "混み合っているため、送信できませんでした。入力内容はそのまま残っています。"
                    "しばらく待ってから、もう一度「送信する」を押してください。"
                ),
            )
            return self.render_to_response(context, status=503)
        self.remember_done(inquiry)
        request.session.pop(DRAFT_KEY, None)
        return redirect("inquiries:inquiry_complete")

    def remember_done(self, inquiry):
        self.request.session[DONE_KEY] = {
            "reference": inquiry.reference,
            "token": str(inquiry.submission_token),
        }

    def render_form(self, form, status=200):
        context = {"form": form, "view": self}
        return self.response_class(
            request=self.request,
            template=[InquiryFormView.template_name],
            context=context,
            status=status,
        )


def render_form_after_csrf_failure(request):
    """The form as posted, with a message: the post failed its CSRF check (jnpoc_site.views)."""
    form = InquiryForm(data=request.POST)
    form.is_valid()
    form.add_error(
        None,
        _(
            "ページを開いてから時間がたったなどの理由で、安全のための確認ができませんでした。"
            "入力内容はそのまま残っています。内容を確かめて、もう一度ボタンを押してください。"
        ),
    )
    view = InquiryFormView(request=request)
    response = view.render_to_response(view.get_context_data(form=form), status=403)
    add_never_cache_headers(response)
    return response


@method_decorator(never_cache, name="dispatch")
class InquiryCompleteView(TemplateView):
    """Step 3: the reference number, for the session that submitted; nothing for anyone else."""

    template_name = "inquiries/inquiry_complete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["done"] = self.request.session.get(DONE_KEY)
        return context
