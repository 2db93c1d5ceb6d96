"""`python -m tripwire` runs the command line."""

from tripwire.cli import main

main()
