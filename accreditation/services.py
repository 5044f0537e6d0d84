"""Writes for journalists, outlets and accreditations. Pages and the API both call these."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accreditation import notifications
from accreditation.badges import badge_issue
from accreditation.models import (
    LIVE_STATUSES,
    Accreditation,
    AccreditationLog,
    AccreditationStatus,
    JournalistProfile,
    MediaOutlet,
    OutletQuota,
    new_calendar_token,
)
from accreditation.uploads import clean_assignment_letter, clean_photo
from common.errors import DomainError
from common.text import user_label
from events.models import Event, EventStatus

S = AccreditationStatus
VERIFY_SALT = "accreditation.verify-email"

# Each decision: the state it leads to, and the states it may start from. Waitlisted → approved
# is the promotion; the journalist may cancel any live request. The services refuse anything
# else, and pages offer only what `allowed_decisions` returns, so a button is never refused.
DECISIONS = {
    "approve": (S.APPROVED, (S.PENDING, S.WAITLISTED)),
    "waitlist": (S.WAITLISTED, (S.PENDING,)),
    "reject": (S.REJECTED, (S.PENDING, S.WAITLISTED)),
    "revoke": (S.REVOKED, (S.APPROVED,)),
    "cancel": (S.CANCELLED, LIVE_STATUSES),
}
# E-mail sent when a request enters a state (cancelling is the journalist's own act: no mail).
NOTIFY_ON = {
    S.PENDING: "received",
    S.APPROVED: "approved",
    S.WAITLISTED: "waitlisted",
    S.REJECTED: "rejected",
    S.REVOKED: "revoked",
}
PROFILE_FIELDS = (
    "full_name",
    "email",
    "phone",
    "nationality",
    "outlet",
    "role",
    "press_card_number",
    "press_card_expiry",
    "foreign_permit_number",
    "preferred_language",
)


class AccreditationError(DomainError):
    """An accreditation rule refused the change (e.g. code="capacity_full")."""


# ---------------------------------------------------------------- transitions


def _record_transition(
    accreditation: Accreditation, *, to: str, by, reason: str = ""
) -> Accreditation:
    """Change state, write the audit log and queue the journalist's e-mail: every transition
    goes through here, so the approval step is the one place a badge is issued."""
    before = accreditation.status
    accreditation.status = to
    accreditation.status_reason = reason
    if to != S.PENDING:
        accreditation.decided_at = timezone.now()
    accreditation.full_clean()
    accreditation.save()
    AccreditationLog.objects.create(
        accreditation=accreditation,
        event_id=accreditation.event_id,
        from_status=before if before != to else "",
        to_status=to,
        actor=by if getattr(by, "is_authenticated", False) else None,
        actor_label=user_label(by),
        reason=reason,
    )
    if to == S.APPROVED:
        # Inside the approval's transaction: an approved accreditation always has its badge.
        badge_issue(accreditation=accreditation, by=by)
    if to in NOTIFY_ON:
        notifications.notify_accreditation(accreditation, NOTIFY_ON[to])
    return accreditation


def _lock(accreditation: Accreditation, *, lock_event: bool = False) -> Accreditation:
    """Re-read the request under a row lock (and its event first, when limits are counted).

    The event row is the lock every approval of that event takes, so approvals of one event
    run one at a time and each counts what the previous ones committed. Order: event, then
    accreditation, everywhere, so two decisions never wait on each other in a circle.
    """
    if lock_event:
        Event.objects.select_for_update().only("id").get(pk=accreditation.event_id)
    return (
        Accreditation.objects.select_for_update(of=("self",))
        .select_related("event", "journalist")
        .get(pk=accreditation.pk)
    )


def allowed_decisions(accreditation: Accreditation) -> tuple[str, ...]:
    """The decisions ("approve", "waitlist", "reject", "revoke", "cancel") that the services
    accept on `accreditation` from the state it is in."""
    return tuple(
        decision
        for decision, (_target, sources) in DECISIONS.items()
        if accreditation.status in sources
    )


def can_request_again(accreditation: Accreditation) -> bool:
    """Whether the journalist may file `accreditation` again: only once they cancelled it."""
    return accreditation.status == S.CANCELLED


def _check_decision(accreditation: Accreditation, decision: str) -> None:
    if decision not in allowed_decisions(accreditation):
        raise AccreditationError(
            "invalid_transition",
            _("A request that is %(current)s cannot become %(target)s.")
            % {
                "current": S(accreditation.status).label,
                "target": S(DECISIONS[decision][0]).label,
            },
        )


def _reason_required(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give a reason: the journalist will read it.")})
    return reason


def _limit_refusal(accreditation: Accreditation) -> AccreditationError | None:
    """Why approving would exceed the event's seats or the outlet's quota, or None."""
    event = accreditation.event
    approved = Accreditation.objects.filter(event=event, status=S.APPROVED).exclude(
        pk=accreditation.pk
    )
    if approved.count() >= event.press_capacity:
        return AccreditationError(
            "capacity_full",
            _("All %(n)s press seats are taken.") % {"n": event.press_capacity},
        )
    outlet_id = accreditation.journalist.outlet_id
    if outlet_id is None:
        return None  # freelancers without an outlet are limited by seats only
    quota = OutletQuota.objects.filter(event=event, category=accreditation.category).first()
    if quota is None:
        return None
    used = approved.filter(category=accreditation.category, journalist__outlet_id=outlet_id).count()
    if used >= quota.limit:
        return AccreditationError(
            "outlet_quota_full",
            _("This outlet already has %(n)s approved %(category)s (the limit).")
            % {"n": used, "category": accreditation.get_category_display()},
        )
    return None


@transaction.atomic
def accreditation_approve(
    *, accreditation: Accreditation, by, waitlist_if_full: bool = False
) -> Accreditation:
    """Approve a pending or waitlisted request within the seat and per-outlet limits.

    Past a limit it is refused (capacity_full / outlet_quota_full), or waitlisted instead when
    `waitlist_if_full` is set.
    """
    accreditation = _lock(accreditation, lock_event=True)
    _check_decision(accreditation, "approve")
    refusal = _limit_refusal(accreditation)
    if refusal is not None:
        if not waitlist_if_full:
            raise refusal
        if accreditation.status == S.WAITLISTED:
            return accreditation  # already waiting in line; nothing changes
        return _record_transition(accreditation, to=S.WAITLISTED, by=by, reason=refusal.message)
    return _record_transition(accreditation, to=S.APPROVED, by=by)


@transaction.atomic
def accreditation_waitlist(*, accreditation: Accreditation, by, reason: str = "") -> Accreditation:
    """Put a pending request on the waiting list."""
    accreditation = _lock(accreditation)
    _check_decision(accreditation, "waitlist")
    return _record_transition(accreditation, to=S.WAITLISTED, by=by, reason=reason.strip())


@transaction.atomic
def accreditation_reject(*, accreditation: Accreditation, by, reason: str) -> Accreditation:
    """Turn down a pending or waitlisted request; the reason goes to the journalist."""
    reason = _reason_required(reason)
    accreditation = _lock(accreditation)
    _check_decision(accreditation, "reject")
    return _record_transition(accreditation, to=S.REJECTED, by=by, reason=reason)


@transaction.atomic
def accreditation_revoke(*, accreditation: Accreditation, by, reason: str) -> Accreditation:
    """Withdraw an approved accreditation (its badge stops working); a reason is required."""
    reason = _reason_required(reason)
    accreditation = _lock(accreditation)
    _check_decision(accreditation, "revoke")
    return _record_transition(accreditation, to=S.REVOKED, by=by, reason=reason)


@transaction.atomic
def accreditation_cancel(*, accreditation: Accreditation, by) -> Accreditation:
    """The journalist withdraws their own request (pending, waitlisted or approved)."""
    accreditation = _lock(accreditation)
    _check_decision(accreditation, "cancel")
    return _record_transition(accreditation, to=S.CANCELLED, by=by)


@transaction.atomic
def accreditation_promote_next(*, event: Event, by) -> Accreditation | None:
    """Approve the earliest waitlisted request that fits the limits now; None if none fits."""
    Event.objects.select_for_update().only("id").get(pk=event.pk)
    for candidate in Accreditation.objects.filter(event=event, status=S.WAITLISTED).order_by(
        "created_at", "id"
    ):
        candidate = _lock(candidate)
        if _limit_refusal(candidate) is None:
            return _record_transition(
                candidate, to=S.APPROVED, by=by, reason=_("Promoted from the waiting list.")
            )
    return None


@transaction.atomic
def accreditation_request(
    *,
    journalist: JournalistProfile,
    event: Event,
    category: str | None = None,
    note: str = "",
    assignment_letter=None,
    by,
    walk_in: bool = False,
) -> Accreditation:
    """File a journalist's request for a published event while its accreditation is open.

    Journalists need a verified e-mail; an organizer filing on someone's behalf does not.
    A request the journalist cancelled earlier is reopened rather than duplicated. A walk-in
    (filed at the desk) is accepted after accreditation closed, until the event ends, if the
    event allows walk-ins.
    """
    on_own_behalf = journalist.user_id is not None and journalist.user_id == getattr(by, "pk", None)
    if on_own_behalf and journalist.email_verified_at is None:
        raise AccreditationError(
            "email_not_verified",
            _("Confirm your e-mail address first: follow the link we sent you."),
        )
    if walk_in:
        _check_walk_ins_allowed(event)
    elif not event.accreditation_is_open():
        raise AccreditationError(
            "accreditation_closed", _("Accreditation for this event is not open.")
        )
    letter = clean_assignment_letter(assignment_letter) if assignment_letter else None
    existing = (
        Accreditation.objects.select_for_update().filter(event=event, journalist=journalist).first()
    )
    if existing is not None:
        if not can_request_again(existing):
            raise AccreditationError(
                "duplicate_request", _("There is already a request for this event.")
            )
        accreditation = existing
    else:
        accreditation = Accreditation(event=event, journalist=journalist, status=S.PENDING)
    accreditation.category = category or journalist.role
    accreditation.note = note.strip()
    if letter is not None:
        accreditation.assignment_letter.save(letter.name, letter, save=False)
    # The unique constraint is left to the database, so a concurrent twin fails cleanly below.
    accreditation.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            accreditation.save()
    except IntegrityError:
        # Two submissions at once: the unique constraint lets one in.
        raise AccreditationError(
            "duplicate_request", _("There is already a request for this event.")
        ) from None
    return _record_transition(accreditation, to=S.PENDING, by=by)


def _check_walk_ins_allowed(event: Event) -> None:
    if not event.allow_walk_ins:
        raise AccreditationError("walk_ins_not_allowed", _("This event does not accept walk-ins."))
    if event.status != EventStatus.PUBLISHED or event.ends_at <= timezone.now():
        raise AccreditationError(
            "walk_ins_closed", _("Walk-ins are only registered until the event ends.")
        )


@transaction.atomic
def accreditation_walk_in(
    *, event: Event, by, category: str | None = None, outlet_name: str = "", **fields
) -> Accreditation:
    """Register a journalist at the desk, file the request and approve it in one step.

    All or nothing: when the seats or the outlet's quota refuse the approval, no profile and
    no request are left behind, and the refusal (capacity_full, outlet_quota_full) is raised.
    """
    _check_walk_ins_allowed(event)
    profile = journalist_register(
        by=by, organization_id=event.organization_id, outlet_name=outlet_name, **fields
    )
    accreditation = accreditation_request(
        journalist=profile, event=event, category=category, by=by, walk_in=True
    )
    return accreditation_approve(accreditation=accreditation, by=by)


@dataclass
class BulkResult:
    id: int
    ok: bool
    status: str = ""
    code: str = ""
    detail: str = ""


def accreditation_bulk(
    *,
    action: str,
    accreditations: Iterable[Accreditation],
    by,
    reason: str = "",
    waitlist_if_full: bool = False,
) -> list[BulkResult]:
    """Apply one decision to many requests; each is judged (and committed) on its own."""
    if action == "reject":
        _reason_required(reason)
    results = []
    for accreditation in accreditations:
        try:
            if action == "approve":
                done = accreditation_approve(
                    accreditation=accreditation, by=by, waitlist_if_full=waitlist_if_full
                )
            elif action == "waitlist":
                done = accreditation_waitlist(accreditation=accreditation, by=by, reason=reason)
            elif action == "reject":
                done = accreditation_reject(accreditation=accreditation, by=by, reason=reason)
            else:
                raise ValueError(f"unknown bulk action {action!r}")
        except DomainError as error:
            results.append(
                BulkResult(
                    id=accreditation.pk,
                    ok=False,
                    status=accreditation.status,
                    code=error.code,
                    detail=error.message,
                )
            )
        else:
            results.append(BulkResult(id=done.pk, ok=True, status=done.status))
    return results


@transaction.atomic
def outlet_quota_set(*, event: Event, category: str, limit: int | None) -> OutletQuota | None:
    """Set (or with None, remove) the per-outlet limit for one category at one event."""
    if limit is None:
        OutletQuota.objects.filter(event=event, category=category).delete()
        return None
    quota = OutletQuota.objects.filter(event=event, category=category).first() or OutletQuota(
        event=event, category=category
    )
    quota.limit = limit
    quota.full_clean()
    quota.save()
    return quota


# ---------------------------------------------------------------- journalists and outlets


def _apply_profile_fields(profile: JournalistProfile, fields: dict) -> None:
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unexpected profile fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(profile, name, value)


def _save_profile(profile: JournalistProfile) -> JournalistProfile:
    profile.full_clean(exclude=["user", "registered_by_organization"])
    profile.save()
    return profile


def make_verification_token(profile: JournalistProfile) -> str:
    """A signed, expiring token naming the profile and the address being confirmed."""
    return signing.dumps({"p": profile.pk, "e": profile.email}, salt=VERIFY_SALT)


@transaction.atomic
def journalist_sign_up(
    *,
    email: str,
    password: str,
    full_name: str,
    preferred_language: str = "vi",
    consent: bool,
):
    """Create a user and their journalist profile, and send the e-mail verification link."""
    if not consent:
        raise ValidationError(
            {"consent": _("We need your consent to process your data for accreditation.")}
        )
    email = email.strip().lower()
    User = get_user_model()
    if User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists():
        raise ValidationError({"email": _("An account with this e-mail already exists.")})
    user = User(username=email, email=email)
    user.set_password(password)
    user.full_clean()
    user.save()
    profile = JournalistProfile(
        user=user,
        full_name=full_name.strip(),
        email=email,
        preferred_language=preferred_language,
        consent_at=timezone.now(),
    )
    _save_profile(profile)
    notifications.send_verification_email(profile, token=make_verification_token(profile))
    return profile


@transaction.atomic
def journalist_send_verification(*, profile: JournalistProfile) -> None:
    """Send the verification link again (e.g. it expired or got lost)."""
    notifications.send_verification_email(profile, token=make_verification_token(profile))


@transaction.atomic
def journalist_verify_email(*, token: str) -> JournalistProfile:
    """Mark the address in a valid verification token as confirmed."""
    invalid = AccreditationError(
        "invalid_token", _("This link is invalid or has expired."), status=400
    )
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=settings.EMAIL_VERIFICATION_MAX_AGE)
    except signing.BadSignature:
        raise invalid from None
    profile = JournalistProfile.objects.select_for_update().filter(pk=data.get("p")).first()
    # A link for an address the journalist has since changed confirms nothing.
    if profile is None or profile.email != data.get("e"):
        raise invalid
    if profile.email_verified_at is None:
        profile.email_verified_at = timezone.now()
        profile.save(update_fields=["email_verified_at", "updated_at"])
    return profile


@transaction.atomic
def journalist_create(*, user, **fields) -> JournalistProfile:
    """Give an existing account (e.g. one made by staff) a journalist profile."""
    profile = JournalistProfile(user=user, consent_at=timezone.now())
    _apply_profile_fields(profile, fields)
    profile.email = (profile.email or user.email or "").strip().lower()
    _save_profile(profile)
    if profile.email:
        notifications.send_verification_email(profile, token=make_verification_token(profile))
    return profile


@transaction.atomic
def journalist_update(
    *, profile: JournalistProfile, photo=None, remove_photo: bool = False, **fields
) -> JournalistProfile:
    """Correct a profile; a new e-mail address must be verified again, a new photo is checked."""
    profile = JournalistProfile.objects.select_for_update().get(pk=profile.pk)
    old_email = profile.email
    old_photo = profile.photo.name if profile.photo else ""
    if "email" in fields:
        fields["email"] = fields["email"].strip().lower()
    _apply_profile_fields(profile, fields)
    email_changed = profile.email != old_email
    if email_changed:
        profile.email_verified_at = None
    if photo is not None:
        cleaned = clean_photo(photo)
        profile.photo.save(cleaned.name, cleaned, save=False)
    elif remove_photo:
        profile.photo = ""
    _save_profile(profile)
    if profile.user_id and email_changed:
        user = profile.user
        if user.username == old_email:
            user.username = profile.email
        user.email = profile.email
        user.save(update_fields=["username", "email"])
    if email_changed and profile.user_id:
        notifications.send_verification_email(profile, token=make_verification_token(profile))
    new_photo = profile.photo.name if profile.photo else ""
    if old_photo and old_photo != new_photo:
        _delete_file_on_commit(old_photo)
    return profile


@transaction.atomic
def journalist_register(*, by, organization_id: int, outlet_name: str = "", **fields):
    """An organizer registers a journalist on their behalf (a walk-in), without an account."""
    if outlet_name and not fields.get("outlet"):
        fields["outlet"] = outlet_find_or_propose(name=outlet_name, by=by)
    profile = JournalistProfile(registered_by_organization_id=organization_id)
    _apply_profile_fields(profile, fields)
    profile.email = (profile.email or "").strip().lower()
    return _save_profile(profile)


@transaction.atomic
def journalist_reset_calendar_token(*, profile: JournalistProfile) -> JournalistProfile:
    """Give the journalist a new personal calendar URL; the old one stops working."""
    profile = JournalistProfile.objects.select_for_update().get(pk=profile.pk)
    profile.calendar_token = new_calendar_token()
    profile.save(update_fields=["calendar_token", "updated_at"])
    return profile


def _delete_file_on_commit(name: str) -> None:
    from django.core.files.storage import default_storage

    transaction.on_commit(lambda: default_storage.delete(name))


# Stored in place of the name of whoever erased their account (stored text, like the reason).
ERASED_ACCOUNT_LABEL = "erased account"


@transaction.atomic
def journalist_delete(*, profile: JournalistProfile, by) -> None:
    """Erase a journalist's data and account (their right to deletion).

    The audit log keeps every decision (who decided, when, why) but no longer points at the
    person: its link to the request is cleared, the request and its badges go with the
    profile, and the journalist's own acts (asking, cancelling) are no longer signed with
    their name. Their scans at the desk stay too, without the person (checkin.CheckIn).
    """
    profile = JournalistProfile.objects.select_for_update().get(pk=profile.pk)
    files = [profile.photo.name] if profile.photo else []
    accreditations = list(profile.accreditations.all())
    files += [a.assignment_letter.name for a in accreditations if a.assignment_letter]
    for accreditation in accreditations:
        AccreditationLog.objects.create(
            accreditation=accreditation,
            event_id=accreditation.event_id,
            from_status=accreditation.status,
            to_status=accreditation.status,
            actor=by if getattr(by, "is_authenticated", False) else None,
            actor_label=user_label(by),
            reason="personal data erased at the journalist's request",
        )
    user = profile.user
    if user is not None:
        AccreditationLog.objects.filter(actor=user).update(actor_label=ERASED_ACCOUNT_LABEL)
    profile.delete()
    if user is not None:
        user.delete()
    for name in files:
        _delete_file_on_commit(name)


@transaction.atomic
def outlet_find_or_propose(
    *, name: str, by, kind: str = "newspaper", country: str = "VN", website: str = ""
) -> MediaOutlet:
    """The outlet with this name (ignoring case), or a new one proposed by `by`."""
    name = " ".join(name.split())
    for outlet in MediaOutlet.objects.filter(name__iexact=name):
        return outlet
    return outlet_create(name=name, kind=kind, country=country, website=website, by=by)


@transaction.atomic
def outlet_create(
    *, name: str, kind: str, country: str = "VN", website: str = "", by
) -> MediaOutlet:
    """Add an outlet: verified when an organizer adds it, a proposal when a journalist does."""
    from organizations.permissions import is_organizer

    outlet = MediaOutlet(
        name=" ".join(name.split()),
        kind=kind,
        country=(country or "VN").upper(),
        website=website,
        verified=is_organizer(by),
        proposed_by=by if getattr(by, "is_authenticated", False) else None,
    )
    outlet.full_clean()
    outlet.save()
    return outlet


@transaction.atomic
def outlet_merge(*, source: MediaOutlet, target: MediaOutlet) -> MediaOutlet:
    """Fold a duplicate outlet into another: its journalists move over, the duplicate goes."""
    if source.pk == target.pk:
        raise AccreditationError("same_outlet", _("Choose two different outlets."), status=400)
    JournalistProfile.objects.filter(outlet=source).update(outlet=target)
    source.delete()
    if not target.verified:
        target.verified = True
        target.save(update_fields=["verified"])
    return target


@dataclass
class PurgeResult:
    letters: int = 0
    photos: int = 0
    id_numbers: int = 0


@transaction.atomic
def personal_data_purge(*, now=None, retention_days: int | None = None) -> PurgeResult:
    """Delete assignment letters, photos and ID numbers once their purpose is over.

    A letter goes `retention_days` after its event ends. A profile's photo and press-card and
    permit numbers go when none of its requests is for an event that ended less than
    `retention_days` ago (or has not happened yet); a journalist who asks again later re-enters
    them. Names, outlets and the audit log of decisions stay.
    """
    now = now or timezone.now()
    days = settings.PERSONAL_DATA_RETENTION_DAYS if retention_days is None else retention_days
    cutoff = now - timedelta(days=days)
    result = PurgeResult()

    expired_letters = (
        Accreditation.objects.select_for_update()
        .filter(event__ends_at__lt=cutoff)
        .exclude(assignment_letter="")
    )
    for accreditation in expired_letters:
        _delete_file_on_commit(accreditation.assignment_letter.name)
        accreditation.assignment_letter = ""
        accreditation.save(update_fields=["assignment_letter", "updated_at"])
        result.letters += 1

    still_needed = Accreditation.objects.filter(event__ends_at__gte=cutoff).values("journalist_id")
    with_requests = Accreditation.objects.values("journalist_id")
    holders = (
        JournalistProfile.objects.select_for_update()
        .filter(id__in=with_requests)
        .exclude(id__in=still_needed)
        .exclude(photo="", press_card_number="", foreign_permit_number="")
    )
    for profile in holders:
        if profile.photo:
            _delete_file_on_commit(profile.photo.name)
            profile.photo = ""
            result.photos += 1
        if profile.press_card_number or profile.foreign_permit_number:
            profile.press_card_number = ""
            profile.foreign_permit_number = ""
            result.id_numbers += 1
        profile.save(
            update_fields=["photo", "press_card_number", "foreign_permit_number", "updated_at"]
        )
    return result
