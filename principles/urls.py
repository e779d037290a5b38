from django.urls import path

from principles import views

app_name = "principles"

urlpatterns = [
    path("", views.StanceListListView.as_view(), name="stancelist_list"),
    path("<slug:slug>/", views.StanceListDetailView.as_view(), name="stancelist_detail"),
    path("<slug:slug>/<int:number>/", views.StanceDetailView.as_view(), name="stance_detail"),
]
