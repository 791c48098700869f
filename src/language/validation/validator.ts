// Registers the structural checks; each concern lives in its own module.
import type { ValidationChecks } from 'langium';
import type { DetenteAstType } from '../generated/ast.js';
import type { DetenteServices } from '../detente-module.js';
import { ImportChecks } from './imports.js';
import { checkDeescalationDirection, checkLadder } from './ladder.js';
import { NameChecks } from './names.js';
import { checkRedlineConsequence } from './redlines.js';
import { SituationChecks } from './situations.js';
import { checkStepCycles } from './steps.js';
import {
    checkBetween, checkComparison, checkDirection, checkDisplayUnit, checkDuration, checkFlagTest, checkMembership
} from './units.js';

export function registerValidationChecks(services: DetenteServices): void {
    const imports = services.shared.workspace.ImportResolver;
    const names = new NameChecks(imports);
    const importChecks = new ImportChecks(imports, services.shared.workspace.LangiumDocuments);
    const situations = new SituationChecks(services.model.ProtocolModels, services.model.Analyses);
    const checks: ValidationChecks<DetenteAstType> = {
        ProtocolFile: (file, accept) => names.checkFile(file, accept),
        Import: (node, accept) => importChecks.checkImport(node, accept),
        Protocol: [
            (protocol, accept) => names.checkProtocol(protocol, accept),
            checkLadder,
            (protocol, accept, cancelToken) => situations.checkProtocol(protocol, accept, cancelToken),
        ],
        Party: (party, accept) => names.checkParty(party, accept),
        ScaleType: (type, accept) => names.checkMembers(type, accept),
        ChoiceType: (type, accept) => names.checkMembers(type, accept),
        Indicator: checkDirection,
        QuantityType: checkDisplayUnit,
        Channel: (channel, accept) => checkDuration(channel.latency, accept),
        Response: [
            (response, accept) => names.checkResponse(response, accept),
            (response, accept) => checkDuration(response.within, accept),
            checkStepCycles,
        ],
        Step: (step, accept) => checkDuration(step.within, accept),
        Deescalation: [
            checkDeescalationDirection,
            (deescalation, accept) => checkDuration(deescalation.holdFor, accept),
        ],
        Redline: checkRedlineConsequence,
        Comparison: checkComparison,
        Between: checkBetween,
        Membership: checkMembership,
        FlagTest: checkFlagTest,
    };
    services.validation.ValidationRegistry.register(checks);
}
