# Sourced by the benchmarks: pushes the golang root filesystem made by dev/gobase to a registry as
# an image, the way a mirror serves it, so that cached rebuilds measure BuildKit and gocb rather than
# the re-sending of a 240 MB local directory (BuildKit re-sends local named contexts on every build).
#   push_golang_mirror BUILDKIT_ADDR ROOTFS_DIR IMAGE WORK_DIR
push_golang_mirror() {
  local addr=$1 rootfs=$2 image=$3 work=$4
  mkdir -p "$work/mirror"
  printf 'FROM scratch\nCOPY --from=rootfs / /\nENV PATH=/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin GOPATH=/go\n' \
    > "$work/mirror/Dockerfile"
  buildctl --addr "$addr" build --frontend dockerfile.v0 --local context="$work/mirror" --local dockerfile="$work/mirror" \
    --opt context:rootfs=local:rootfs --local rootfs="$rootfs" \
    --output "type=image,name=$image,push=true,compression=uncompressed" >/dev/null 2>&1
}
