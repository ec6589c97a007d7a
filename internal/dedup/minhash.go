package dedup

// MinHash parameters: the signature has bands × rows = 2^binBits values. See the
// package comment for the resulting candidate probabilities.
const (
	bands     = 32
	rows      = 4
	binBits   = 7
	numHashes = 1 << binBits
)

// empty marks a bin no feature fell into.
const empty = ^uint64(0)

// signature returns the MinHash signature of a non-empty feature set by one
// permutation hashing with optimal densification (Shrivastava, ICML 2017): each
// feature hash falls into one of numHashes bins by its top bits and each bin keeps
// its minimum, so a signature costs one pass over the features instead of one per
// hash function. A bin left empty copies the bin that a fixed sequence of probes,
// the same for every comment, first finds filled; the collision probability of each
// value then stays the Jaccard index, as with independent hash functions.
func signature(feats []uint64) []uint64 {
	sig := make([]uint64, numHashes)
	for i := range sig {
		sig[i] = empty
	}
	var filled [numHashes / 64]uint64
	for _, f := range feats {
		bin := f >> (64 - binBits)
		sig[bin] = min(sig[bin], f)
		filled[bin/64] |= 1 << (bin % 64)
	}
	for bin := range uint64(numHashes) {
		if filled[bin/64]&(1<<(bin%64)) != 0 {
			continue
		}
		for probe := uint64(1); ; probe++ {
			donor := mix(bin<<32|probe) >> (64 - binBits)
			if filled[donor/64]&(1<<(donor%64)) != 0 {
				sig[bin] = sig[donor]
				break
			}
		}
	}
	return sig
}

// bandKey hashes the rows of one band into a bucket key.
func bandKey(sig []uint64, band int) uint64 {
	key := uint64(band) * 0x9E3779B97F4A7C15
	for _, v := range sig[band*rows : (band+1)*rows] {
		key = (key ^ v) * 0x100000001B3
	}
	return key
}

// estimate is the share of equal signature values, an unbiased estimate of the
// Jaccard index.
func estimate(a, b []uint64) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / numHashes
}
