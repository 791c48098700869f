// Registers the structural checks; each concern lives in its own module.
import type { ValidationChecks } from 'langium';
import type { DetenteAstType } from '../generated/ast.js';
import type { DetenteServices } from '../detente-module.js';
import { ImportChecks } from './imports.js';
import { checkDeescalationDirection, checkLadder, checkOfframpClauses } from './ladder.js';
import { checkDayOfMonth } from './timing.js';
import { NameChecks } from './names.js';
import { checkRedlineConsequence } from './redlines.js';
import { ANALYSIS_CATEGORY, SituationChecks } from './situations.js';
import { checkAccept } from './accepts.js';
import { PartyChecks } from './parties.js';
import { checkTranslations } from './translations.js';
import { checkStepCycles } from './steps.js';
import {
    checkAuthorizer, checkBetween, checkComparison, checkDirection, checkDisplayUnit, checkDuration, checkFlagTest, checkMembership
} from './units.js';

export function registerValidationChecks(services: DetenteServices): void {
    const imports = services.shared.workspace.ImportResolver;
    const names = new NameChecks(imports);
    const importChecks = new ImportChecks(imports, services.shared.workspace.LangiumDocuments);
    const situations = new SituationChecks(services.model.ProtocolModels, services.model.Analyses);
    const parties = new PartyChecks(imports);
    const checks: ValidationChecks<DetenteAstType> = {
        ProtocolFile: (file, accept) => names.checkFile(file, accept),
        Import: (node, accept) => importChecks.checkImport(node, accept),
        Protocol: [
            (protocol, accept) => names.checkProtocol(protocol, accept),
            checkLadder,
            checkTranslations,
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
        Step: [
            (step, accept) => checkDuration(step.within, accept),
            (step, accept) => parties.checkObligation(step, accept),
            (step, accept) => checkAuthorizer(step.authorizedBy, accept),
        ],
        Duty: [
            (duty, accept) => parties.checkObligation(duty, accept),
            (duty, accept) => checkAuthorizer(duty.authorizedBy, accept),
        ],
        Accept: checkAccept,
        BeforeEvent: (timing, accept) => checkDuration(timing.lead, accept),
        AfterEvent: (timing, accept) => checkDuration(timing.within, accept),
        Periodic: (timing, accept) => checkDuration(timing.period, accept),
        Annual: checkDayOfMonth,
        CountType: (type, accept) => checkDuration(type.window, accept),
        Deescalation: [
            checkDeescalationDirection,
            (deescalation, accept) => checkDuration(deescalation.holdFor, accept),
            checkOfframpClauses,
        ],
        Redline: checkRedlineConsequence,
        Comparison: checkComparison,
        Between: checkBetween,
        Membership: checkMembership,
        FlagTest: checkFlagTest,
    };
    services.validation.ValidationRegistry.register(checks);
    // The situation analysis, a category of its own: the validator runs it after the other checks, and the
    // editor sees their diagnostics before it ends (see document-validator.ts).
    services.validation.ValidationRegistry.register<DetenteAstType>({
        Protocol: (protocol, accept, cancelToken) => situations.checkProtocol(protocol, accept, cancelToken),
    }, undefined, ANALYSIS_CATEGORY);
}
