// Package greeting is a module of its own, used through a local replace directive.
package greeting

// For greets name.
func For(name string) string {
	return "hello, " + name
}
