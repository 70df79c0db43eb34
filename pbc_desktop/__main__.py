from pbc_desktop.app import main

raise SystemExit(main())
