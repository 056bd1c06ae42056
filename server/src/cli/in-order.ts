/**
 * Items that come in any order (reviews finishing on several threads, longest file first), each made
 * into what its report needs as soon as it arrives, and handed on in index order. Making at arrival
 * is the point: a file early in the order that is reviewed last would otherwise hold back the making
 * of every file after it until the last review, with the other threads idle (./run.ts).
 */
export function inOrder<T, M>(count: number, make: (index: number, item: T) => M, emit: (made: M, index: number) => void): (index: number, item: T) => void {
  const waiting: Array<{ made: M } | undefined> = new Array(count);
  let next = 0;
  return (index, item) => {
    waiting[index] = { made: make(index, item) };
    while (next < count && waiting[next]) {
      const { made } = waiting[next]!;
      waiting[next] = undefined;
      emit(made, next++);
    }
  };
}
