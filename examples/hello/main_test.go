package main

import "testing"

func TestVersionDefaultsToDev(t *testing.T) {
	if version != "dev" {
		t.Fatalf("version = %q, want dev when not stamped", version)
	}
}
