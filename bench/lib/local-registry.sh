# Sourced by the benchmarks: starts Debian's docker-registry on a free loopback port, storing under
# WORK_DIR/registry, and waits until it answers. Sets registry_port and registry_pid; the caller kills it.
#   start_local_registry WORK_DIR
start_local_registry() {
  local work=$1
  registry_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  printf 'version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: 127.0.0.1:%s\n' \
    "$work/registry" "$registry_port" > "$work/registry.yml"
  docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
  registry_pid=$!
  until curl -fsS "http://127.0.0.1:$registry_port/v2/" >/dev/null 2>&1; do sleep 0.1; done
}
