module git.internal.test/team/secretlib.git

go 1.22
