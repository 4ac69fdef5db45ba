from familyfile.launcher import main

raise SystemExit(main())
