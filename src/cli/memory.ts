// A full garbage collection between two phases of a command. V8 runs one by itself only once its heap has
// grown well past its size after the previous one: without this, the syntax trees a command has let go
// stay in memory while it builds tables as large again. (`gc` is exposed at run time, as test runners do.)
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let collect: (() => void) | undefined;

export function collectGarbage(): void {
    if (!collect) {
        v8.setFlagsFromString('--expose-gc');
        collect = vm.runInNewContext('gc') as () => void;
        v8.setFlagsFromString('--no-expose-gc');
    }
    collect();
}
