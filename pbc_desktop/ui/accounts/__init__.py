"""账号: signing in, the first administrator, switching user, the idle lock, the accounts."""
