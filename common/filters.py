"""FilterSet base shared by API lists, HTML lists and feeds."""

import django_filters
from django import forms
from django.utils.translation import gettext as _

# Parameters that are not filters but are understood by every list.
NON_FILTER_PARAMETERS = frozenset({"page", "page_size", "ordering", "format", "lang"})


class StrictFilterSet(django_filters.FilterSet):
    """A FilterSet that refuses parameters it does not know instead of silently ignoring them.

    A typo such as `?knd=forum` would otherwise return every event and look like a working filter.
    """

    extra_parameters: frozenset[str] = frozenset()

    def is_valid(self):
        valid = super().is_valid()
        allowed = set(self.filters) | NON_FILTER_PARAMETERS | self.extra_parameters
        unknown = sorted(set(self.data) - allowed)
        if unknown:
            for name in unknown:
                self.form.add_error(
                    None,
                    forms.ValidationError(
                        _("Unknown filter: %(name)s") % {"name": name}, code="unknown_filter"
                    ),
                )
            return False
        return valid
