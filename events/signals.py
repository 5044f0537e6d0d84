"""Domain signals: how events tells the apps above it that something happened.

Sent by events/services.py once the change has committed, never from a model signal, so a
rolled-back change tells nobody. Receivers connect in their AppConfig.ready().
"""

from django.dispatch import Signal

# An event's status changed (e.g. published -> cancelled). Arguments: event, previous, status.
event_status_changed = Signal()
