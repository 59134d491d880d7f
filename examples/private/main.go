// Command private is the example service with a private dependency: it prints the greeting of
// git.internal.test/team/secretlib.git, which only the tests' private git servers serve.
package main

import (
	"fmt"

	secretlib "git.internal.test/team/secretlib.git"
)

func main() {
	fmt.Println(secretlib.Greeting())
}
