"""``python -m summarizer`` runs the command line tool."""

try:
    from summarizer.cli import main
except KeyboardInterrupt:  # Ctrl-C while numpy and scipy load: no traceback either
    raise SystemExit(130) from None

raise SystemExit(main())
