module example.com/private

go 1.22

require git.internal.test/team/secretlib.git v1.0.0
