package plan

// keysSeen records the keys of one mapping as they are read, with where
// each was first written, to refuse a key given twice. It is a map from
// key to position; a mapping of a model struct has a handful of keys, so
// they are kept in an array that stays on the stack, and only a mapping
// with more keys than that (a hostile or mistaken one) grows a map.
// Decoding a large plan reads hundreds of thousands of such mappings.
type keysSeen struct {
	few [16]keyAt
	n   int
	m   map[string]Pos // once there are more keys than few holds
}

type keyAt struct {
	key string
	at  Pos
}

func (s *keysSeen) get(key string) (Pos, bool) {
	if s.m != nil {
		at, ok := s.m[key]
		return at, ok
	}
	for i := range s.n {
		if s.few[i].key == key {
			return s.few[i].at, true
		}
	}
	return Pos{}, false
}

// set records key at at; key is not recorded already.
func (s *keysSeen) set(key string, at Pos) {
	if s.m == nil && s.n < len(s.few) {
		s.few[s.n] = keyAt{key, at}
		s.n++
		return
	}
	if s.m == nil {
		s.m = make(map[string]Pos, 2*len(s.few))
		for _, k := range s.few[:s.n] {
			s.m[k.key] = k.at
		}
	}
	s.m[key] = at
}

func (s *keysSeen) delete(key string) {
	if s.m != nil {
		delete(s.m, key)
		return
	}
	for i := range s.n {
		if s.few[i].key == key {
			s.n--
			s.few[i] = s.few[s.n]
			s.few[s.n] = keyAt{}
			return
		}
	}
}
