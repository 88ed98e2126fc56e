from salesbot.cli.main import main

raise SystemExit(main())
