// The checks as Langium registers them, without a promise per call for the checks that return none:
// a protocol of thousands of rules has tens of thousands of nodes, each with a few checks, on every edit.
// A check that throws is reported as Langium reports it.
import { ValidationRegistry, type ValidationCheck } from 'langium';

const MESSAGE = 'An error occurred during validation';

export class DetenteValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            let result;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                return this.handleException(() => { throw error; }, MESSAGE, accept, node);
            }
            return result instanceof Promise ? this.handleException(() => result, MESSAGE, accept, node) : undefined;
        };
    }
}
