"""Permission policies for the apps' Wagtail admin screens.

Wagtail's ModelViewSet always has a create view ("new/"), with an add button on its listing for
anyone allowed to add. For records that a service of ours makes (with its checks, totals and
history) that view only half-builds a row and fails on the database; the way to close it is a
permission policy that refuses the action.
"""

from wagtail.permission_policies import ModelPermissionPolicy


class RefusingPolicy(ModelPermissionPolicy):
    """The model's ordinary permissions, except the actions in `refused` (nobody, not even a superuser)."""

    refused = frozenset({"add"})

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
