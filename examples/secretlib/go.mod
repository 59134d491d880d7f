module git.internal.test/team/secretlib

go 1.22
