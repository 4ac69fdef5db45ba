from familyfile.cli import main

raise SystemExit(main())
