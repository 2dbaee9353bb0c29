"""Pages of the counter app: cashier (ready / member / backup), verdict, PIN, manager."""
