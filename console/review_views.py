"""The accreditation review pages of the console (/manage/events/<slug>/accreditations/)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accreditation import selectors, services
from accreditation.filters import ReviewFilter
from accreditation.forms import (
    BulkForm,
    QuotaForm,
    ReasonForm,
)
from accreditation.models import AccreditationStatus
from accreditation.permissions import (
    can_review,
)
from common.forms import attempt
from console.event_views import event_tabs
from events.selectors import events_visible_to


def _reviewable_event(request, slug):
    event = get_object_or_404(events_visible_to(request.user), slug=slug)
    if not can_review(request.user, event):
        raise Http404  # organizers of other organizations do not learn who applied
    return event


@login_required
def review(request, slug):
    event = _reviewable_event(request, slug)
    base = selectors.review_queryset(event)
    review_filter = ReviewFilter(request.GET, queryset=base)
    status = 200
    if review_filter.is_valid():
        rows = list(review_filter.qs)
    else:
        rows, status = [], 400
    warnings = selectors.review_warnings(rows, event)
    for row in rows:
        row.warnings = warnings.get(row.id, [])
        row.photo_url = selectors.photo_url(row.journalist)
        row.letter_url = selectors.letter_url(row)
    counters = selectors.review_counters(event)
    log = list(selectors.event_log(event)[:200])
    labels = dict(AccreditationStatus.choices)
    for entry in log:
        entry.from_label = labels.get(entry.from_status, entry.from_status)
        entry.to_label = labels.get(entry.to_status, entry.to_status)
    quotas = {q.category: q.limit for q in counters.quotas}
    return render(
        request,
        "console/review.html",
        {
            "event": event,
            "filter": review_filter,
            "rows": rows,
            "counters": counters,
            "quota_form": QuotaForm(quotas=quotas),
            "log": log,
            "tabs": event_tabs(event, "accreditation-review"),
        },
        status=status,
    )


def _back_to_review(event, request):
    target = reverse("accreditation-review", kwargs={"slug": event.slug})
    query = request.POST.get("query", "")
    return redirect(f"{target}?{query}" if query else target)


@login_required
@require_POST
def review_bulk(request, slug):
    event = _reviewable_event(request, slug)
    candidates = selectors.review_queryset(event)
    form = BulkForm(request.POST, choices=candidates.values_list("id", flat=True))
    if not form.is_valid():
        messages.error(request, _("Select at least one request and an action."))
        return _back_to_review(event, request)
    data = form.cleaned_data
    results, ok = attempt(
        request,
        services.accreditation_bulk,
        action=data["action"],
        accreditations=candidates.filter(id__in=data["ids"]),
        by=request.user,
        reason=data["reason"],
        waitlist_if_full=data["waitlist_if_full"],
    )
    if ok:
        names = dict(candidates.values_list("id", "journalist__full_name"))
        done = [r for r in results if r.ok]
        messages.success(
            request, _("%(n)s of %(total)s done.") % {"n": len(done), "total": len(results)}
        )
        for result in results:
            if not result.ok:
                messages.error(request, f"{names.get(result.id, result.id)}: {result.detail}")
    return _back_to_review(event, request)


@login_required
@require_POST
def review_action(request, slug, pk, action):
    event = _reviewable_event(request, slug)
    accreditation = get_object_or_404(selectors.review_queryset(event), pk=pk)
    reason = ReasonForm(request.POST)
    reason.is_valid()
    reason = reason.cleaned_data.get("reason", "")
    calls = {
        "approve": lambda: services.accreditation_approve(
            accreditation=accreditation,
            by=request.user,
            waitlist_if_full=request.POST.get("waitlist_if_full") == "on",
        ),
        "waitlist": lambda: services.accreditation_waitlist(
            accreditation=accreditation, by=request.user, reason=reason
        ),
        "reject": lambda: services.accreditation_reject(
            accreditation=accreditation, by=request.user, reason=reason
        ),
        "revoke": lambda: services.accreditation_revoke(
            accreditation=accreditation, by=request.user, reason=reason
        ),
    }
    if action not in calls:
        raise Http404
    result, ok = attempt(request, lambda: calls[action]())
    if ok:
        messages.success(
            request,
            _("%(name)s: %(status)s.")
            % {"name": result.journalist.full_name, "status": result.get_status_display()},
        )
    return _back_to_review(event, request)


@login_required
@require_POST
def review_promote(request, slug):
    event = _reviewable_event(request, slug)
    promoted, ok = attempt(
        request, services.accreditation_promote_next, event=event, by=request.user
    )
    if ok and promoted is None:
        messages.info(request, _("No waitlisted request fits the limits now."))
    elif ok:
        messages.success(
            request, _("%(name)s moved up from the waiting list.") % {"name": promoted.journalist}
        )
    return _back_to_review(event, request)


@login_required
@require_POST
def review_quotas(request, slug):
    event = _reviewable_event(request, slug)
    form = QuotaForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Quotas must be whole numbers, zero or more."))
        return _back_to_review(event, request)
    for category, limit in form.cleaned_data.items():
        services.outlet_quota_set(event=event, category=category, limit=limit)
    messages.success(request, _("Per-outlet quotas saved."))
    return _back_to_review(event, request)
