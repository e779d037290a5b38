from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.EditionListView.as_view(), name="edition_list"),
    path("<slug:slug>/", views.SeriesDetailView.as_view(), name="series_detail"),
]
