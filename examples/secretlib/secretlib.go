// Package secretlib is the private module of go-container-build's integration tests. It is
// served only by the tests' own git servers (SSH and token-authenticated HTTP), so a build that
// prints its greeting proves the private-module credentials reached the go command.
package secretlib

// Version is the tag the tests publish this source under.
const Version = "v1.0.0"

// Greeting is the marker the example service prints.
func Greeting() string {
	return "hello from secretlib " + Version
}
