"""The project's URLs plus bare baseline views, so both are served by one server in one run."""

import json

from django.http import JsonResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

from accreditation.models import Badge
from checkin.models import CheckIn, ScanResult


@csrf_exempt
def bare_checkin(request):
    """Baseline: parse JSON, one indexed lookup, one insert, answer JSON. No auth, no DRF."""
    body = json.loads(request.body)
    badge = Badge.objects.filter(code=body["code"]).values("id", "accreditation_id").first()
    CheckIn.objects.create(
        event_id=body["event"],
        badge_id=badge["id"] if badge else None,
        code=body["code"],
        desk=body["desk"],
        result=ScanResult.INVALID,
    )
    return JsonResponse({"result": "ok", "found": badge is not None})


urlpatterns = [
    path("bench/bare-checkin/", bare_checkin),
    path("", include("config.urls")),
]
