"""File → Send by e-mail: the plan shown, one message read as it will be sent, the run on a
worker with progress, cancel and the failures listed."""
