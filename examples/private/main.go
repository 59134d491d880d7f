// Command private is the example service with a private dependency: it prints the greeting of
// git.internal.test/team/secretlib, which only the tests' private git servers serve.
package main

import (
	"fmt"

	"git.internal.test/team/secretlib"
)

func main() {
	fmt.Println(secretlib.Greeting())
}
