from django.urls import path

from inquiries import views

app_name = "inquiries"

urlpatterns = [
    path("", views.InquiryFormView.as_view(), name="inquiry_form"),
    path("confirm/", views.InquiryConfirmView.as_view(), name="inquiry_confirm"),
    path("complete/", views.InquiryCompleteView.as_view(), name="inquiry_complete"),
]
