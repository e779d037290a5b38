from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.EditionListView.as_view(), name="edition_list"),
    path("upcoming.ics", views.UpcomingCalendarView.as_view(), name="upcoming_calendar"),
    path("feed.atom", views.EditionFeed(), name="edition_feed"),
    path("<slug:slug>/", views.SeriesDetailView.as_view(), name="series_detail"),
    path("<slug:series>/<slug:slug>/", views.EditionDetailView.as_view(), name="edition_detail"),
    path(
        "<slug:series>/<slug:slug>/calendar.ics",
        views.EditionCalendarView.as_view(),
        name="edition_calendar",
    ),
]
