"""HTML pages: sign-up and verification, the journalist portal, the organizer review page,
and the permission-checked private files. Each view: form -> service -> redirect."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accreditation import selectors, services
from accreditation.forms import (
    ProfileForm,
    RequestForm,
    SignUpForm,
)
from accreditation.models import Accreditation, JournalistProfile
from accreditation.permissions import (
    can_cancel,
    can_view_journalist,
    can_view_letter,
    own_profile,
)
from common import ratelimit
from common.errors import SERVICE_ERRORS
from common.forms import add_service_error, attempt
from common.responses import file_response, stored_file_response
from events.selectors import events_visible_to

# ---------------------------------------------------------------- shared


# ---------------------------------------------------------------- accounts


def sign_up(request):
    if request.user.is_authenticated:
        return redirect("my-profile")
    signup_key = f"signup:{ratelimit.client_address(request)}"
    if request.method == "POST":
        if ratelimit.hit(signup_key, window=3600) > settings.SIGNUP_LIMIT_PER_HOUR:
            return render(request, "registration/too_many_attempts.html", status=429)
    form = SignUpForm(request.POST or None, initial={"preferred_language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            profile = services.journalist_sign_up(
                email=data["email"],
                password=data["password1"],
                full_name=data["full_name"],
                preferred_language=data["preferred_language"],
                consent=data["consent"],
            )
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            login(request, profile.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome! We sent a confirmation link to %(email)s.") % {"email": profile.email},
            )
            return redirect("my-profile")
    return render(request, "registration/signup.html", {"form": form}, status=200)


def verify_email(request, token):
    profile, ok = attempt(request, services.journalist_verify_email, token=token)
    if ok:
        messages.success(request, _("Thank you: your e-mail address is confirmed."))
    return redirect("my-profile" if request.user.is_authenticated else "login")


@login_required
@require_POST
def resend_verification(request):
    profile = own_profile(request.user)
    if profile is not None and profile.email_verified_at is None:
        services.journalist_send_verification(profile=profile)
        messages.success(request, _("We sent a new link to %(email)s.") % {"email": profile.email})
    return redirect("my-profile")


# ---------------------------------------------------------------- journalist portal


@login_required
def my_profile(request):
    profile = own_profile(request.user)
    initial = {}
    if profile is None:
        initial = {
            "full_name": request.user.get_full_name(),
            "email": request.user.email,
            "preferred_language": request.LANGUAGE_CODE,
        }
    form = ProfileForm(
        request.POST or None, request.FILES or None, instance=profile, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        photo = data.pop("photo_upload", None)
        remove_photo = data.pop("remove_photo", False)
        new_outlet = data.pop("new_outlet_name", "").strip()
        try:
            # One transaction: a refused photo leaves no half-saved profile behind.
            with transaction.atomic():
                if new_outlet and not data.get("outlet"):
                    data["outlet"] = services.outlet_find_or_propose(
                        name=new_outlet, by=request.user
                    )
                if profile is None:
                    profile = services.journalist_create(user=request.user, **data)
                    data = {}
                profile = services.journalist_update(
                    profile=profile, photo=photo, remove_photo=remove_photo, **data
                )
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("my-profile")
    context = {"form": form, "profile": profile}
    if profile is not None:
        context.update(
            {
                "photo_url": selectors.photo_url(profile),
                "card_warning": selectors.press_card_warning(
                    profile, until=selectors.card_needed_until(profile)
                ),
                "calendar_url": selectors.personal_calendar_url(profile),
            }
        )
    return render(request, "accreditation/profile.html", context)


@login_required
def my_accreditations(request):
    accreditations = list(selectors.my_accreditations(own_profile(request.user)))
    return render(
        request, "accreditation/my_accreditations.html", {"accreditations": accreditations}
    )


@login_required
def my_data_export(request):
    profile = own_profile(request.user)
    if profile is None:
        raise Http404
    body = json.dumps(selectors.journalist_export(profile), ensure_ascii=False, indent=2)
    return file_response(
        body.encode(),
        filename="my-press-center-data.json",
        content_type="application/json; charset=utf-8",
        download=True,
    )


@login_required
def my_delete(request):
    profile = own_profile(request.user)
    if profile is None:
        raise Http404
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm."))
            return redirect("my-delete")
        user = request.user
        logout(request)
        services.journalist_delete(profile=profile, by=user)
        messages.success(request, _("Your data and your account have been deleted."))
        return redirect("home")
    return render(request, "accreditation/delete_confirm.html", {"profile": profile})


@login_required
@require_POST
def my_calendar_token_reset(request):
    profile = own_profile(request.user)
    if profile is None:
        raise Http404
    services.journalist_reset_calendar_token(profile=profile)
    messages.success(request, _("Your calendar link has changed; the old one no longer works."))
    return redirect("my-profile")


@login_required
@require_POST
def request_accreditation(request, slug):
    event = get_object_or_404(events_visible_to(request.user), slug=slug)
    profile = own_profile(request.user)
    if profile is None:
        messages.error(request, _("Fill in your journalist profile first."))
        return redirect("my-profile")
    form = RequestForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Check the form: %(errors)s") % {"errors": form.errors.as_text()})
        return redirect(event.get_absolute_url())
    _result, ok = attempt(
        request,
        services.accreditation_request,
        journalist=profile,
        event=event,
        category=form.cleaned_data["category"],
        note=form.cleaned_data["note"],
        assignment_letter=form.cleaned_data["assignment_letter"],
        by=request.user,
    )
    if ok:
        messages.success(request, _("Your request has been sent. We will e-mail you the decision."))
    return redirect(event.get_absolute_url())


@login_required
@require_POST
def cancel_accreditation(request, pk):
    accreditation = get_object_or_404(selectors.accreditations_visible_to(request.user), pk=pk)
    if not can_cancel(request.user, accreditation):
        raise Http404
    _result, ok = attempt(
        request, services.accreditation_cancel, accreditation=accreditation, by=request.user
    )
    if ok:
        messages.success(request, _("Your request is cancelled."))
    return redirect(request.POST.get("next") or reverse("my-accreditations"))


# ---------------------------------------------------------------- private files


@login_required
def journalist_photo(request, pk):
    profile = get_object_or_404(JournalistProfile, pk=pk)
    if not profile.photo or not can_view_journalist(request.user, profile):
        raise Http404
    return stored_file_response(profile.photo, filename=f"photo-{pk}.jpg", download=False)


@login_required
def accreditation_letter(request, pk):
    accreditation = get_object_or_404(
        Accreditation.objects.select_related("event", "journalist"), pk=pk
    )
    if not accreditation.assignment_letter or not can_view_letter(request.user, accreditation):
        raise Http404
    extension = accreditation.assignment_letter.name.rsplit(".", 1)[-1]
    return stored_file_response(
        accreditation.assignment_letter,
        filename=f"assignment-letter-{pk}.{extension}",
        download=True,
    )


# ---------------------------------------------------------------- organizer review
