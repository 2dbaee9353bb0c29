"""The counter terminal: a Qt-free domain core (store, rules, journal, sync) and the Qt app on top."""
