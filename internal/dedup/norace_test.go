//go:build !race

package dedup

const raceSlowdown = 1
