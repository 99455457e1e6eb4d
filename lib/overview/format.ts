/** A share as people read it: one decimal below 10 %, none above (2.5 %, 12 %). */
export const formatRate = (rate: number) => `${(rate * 100).toLocaleString("en", { maximumFractionDigits: rate < 0.1 ? 1 : 0 })} %`;
