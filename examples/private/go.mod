module example.com/private

go 1.22

require git.internal.test/team/secretlib v1.0.0
