package org.kechuang.organization;

import java.util.List;

/** One page of a listing: how many records match in all and the records of this page. */
record ResultPage<T>(long total, List<T> results) {}
