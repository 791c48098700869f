// Texte français des sorties (ICU MessageFormat) : les mêmes clés que en.ts, rédigées dans le style des
// textes authentiques français des traités (présent de l’indicatif pour les obligations : « Chaque Partie
// avise … »). L’apostrophe ' est un caractère d’échappement ICU : le texte n’emploie que l’apostrophe
// typographique ’. Espaces insécables : U+00A0 devant « : » et à l’intérieur des guillemets « », U+202F
// devant « ; ».
//
// Convention pour les libellés des rédacteurs (`"…" @fr "…"`), insérés tels quels, sans flexion :
//
// 1. Les libellés qui désignent un acteur – Partie, organe, rôle, médiateur, organe commun – portent leur
//    article, comme dans le corps d’une phrase : @fr "la République d’Aland", @fr "le ministère de la
//    Défense", @fr "la Partie qui procède à l’essai", @fr "l’autre Partie", @fr "le Centre de prévention des
//    conflits de l’OSCE". Les messages les insèrent sans article : 'annex.actor.party' = '{label}',
//    'annex.actor.organ' = '{organ} de {party}'. L’acteur est ainsi correct comme sujet, complément d’objet
//    direct et après « entre », « par », « avec », « contre ».
//    Pour éviter les contractions qu’ICU ne sait pas faire (« à le » → « au », « de les » → « des »), les
//    verbes construisent leur complément sans « à » ni « de » : « avise {counterpart} », « saisit
//    {counterpart} d’une demande », « consulte {counterpart} », « sur autorisation donnée par {authority} ».
//    Seul « {organ} de {party} » reste exposé : un libellé de Partie commençant par « le » ou « les »
//    (« le Royaume de Coria ») donnerait « de le Royaume » ; les libellés de Parties au féminin ou élidés
//    (« la République », « la Fédération », « l’Union ») sont corrects.
//    Les formules d’action propres au protocole (`action … "renders assistance to" @fr "…"`) sont à la
//    troisième personne du présent et sont suivies directement de l’acteur visé. Une construction directe
//    (@fr "assiste") convient à tout acteur ; avec @fr "porte assistance à", un acteur dont le libellé
//    commence par « le » donnerait « à le ministère ».
// 2. Les autres libellés – indicateurs, événements, niveaux, canaux, grandeurs, titres, conséquences – sont
//    des intitulés sans article : @fr "Distance du point d’impact à la frontière", @fr "Aéronef en
//    détresse", @fr "Essai en vol d’un missile balistique sol-sol", @fr "Ligne directe de défense". Les
//    messages les citent entre guillemets derrière un nom de genre connu (« l’indicateur « … » »,
//    « la circonstance « … » », « le canal « … » », « l’événement « … » ») ou après « chaque » (« avant chaque
//    essai en vol … ») : l’accord (« est inférieur à », « est constatée ») ne dépend alors jamais du libellé.
//    Un libellé écrit avec son article reste grammatical (« l’indicateur « la distance … » »).
//    Les références juridiques (`cites "…"`) sont citées entre parenthèses (« fondement juridique : … »),
//    ce qui convient à une référence abrégée comme à une désignation complète.
import type { Messages } from './en.js';

export const fr: Messages = {
    // ---- Commun ------------------------------------------------------------------------------
    'meta.protocol': 'Protocole {name}',
    'meta.version': 'Version {version}',
    'meta.supersedes': 'Remplace {name}',
    'meta.source': 'Établi à partir du fichier {source}',
    'meta.languages': 'Langues faisant foi\u00A0: {languages}',
    'status.draft': 'Projet',
    'status.initialled': 'Paraphé',
    'status.signed': 'Signé',
    'status.in force': 'En vigueur',
    'status.suspended': 'Suspendu',
    'status.terminated': 'Ayant pris fin',
    'edition.public': 'Édition publique\u00A0: les dispositions confidentielles sont omises.',
    'edition.full': 'Édition intégrale\u00A0: les dispositions portant la mention «\u00A0Confidentiel\u00A0» ne sont pas destinées à la publication.',
    'confidential': 'Confidentiel',
    'quote': '«\u00A0{text}\u00A0»',
    'itemEnd': '\u202F;',
    'none': 'aucun',
    'outside': 'hors du champ d’application',
    'baseline': 'niveau de base',

    'duration.d': '{n, plural, one {# jour} other {# jours}}',
    'duration.h': '{n, plural, one {# heure} other {# heures}}',
    'duration.min': '{n, plural, one {# minute} other {# minutes}}',
    'duration.s': '{n, plural, one {# seconde} other {# secondes}}',

    // La règle « one » du français couvre 0 et 1 et les nombres décimaux inférieurs à 2 (« 1,5 kilomètre »).
    'unit.m': '{n, plural, one {mètre} other {mètres}}',
    'unit.km': '{n, plural, one {kilomètre} other {kilomètres}}',
    'unit.nm': '{n, plural, one {mille marin} other {milles marins}}',
    'unit.ft': '{n, plural, one {pied} other {pieds}}',
    'unit.mi': '{n, plural, one {mille terrestre} other {milles terrestres}}',
    'unit.s': '{n, plural, one {seconde} other {secondes}}',
    'unit.min': '{n, plural, one {minute} other {minutes}}',
    'unit.h': '{n, plural, one {heure} other {heures}}',
    'unit.d': '{n, plural, one {jour} other {jours}}',
    'unit.wk': '{n, plural, one {semaine} other {semaines}}',
    'unit.yr': '{n, plural, one {an} other {ans}}',
    'unit.kn': '{n, plural, one {nœud} other {nœuds}}',
    'unit.kmh': '{n, plural, one {kilomètre par heure} other {kilomètres par heure}}',
    'unit.mph': '{n, plural, one {mille terrestre par heure} other {milles terrestres par heure}}',
    'unit.mps': '{n, plural, one {mètre par seconde} other {mètres par seconde}}',
    'unit.Hz': 'hertz',
    'unit.kHz': 'kilohertz',
    'unit.MHz': 'mégahertz',
    'unit.GHz': 'gigahertz',
    'unit.%': 'pour cent',

    // ---- Annexe : texte conventionnel -------------------------------------------------------
    'annex.title': 'Annexe — {title}',
    'annex.section.parties': 'Parties et moyens de communication',
    'annex.section.definitions': 'Définitions',
    'annex.section.levels': 'Niveaux d’escalade',
    'annex.section.thresholds': 'Seuils',
    'annex.section.redlines': 'Lignes rouges',
    'annex.section.responses': 'Mesures de réponse',
    'annex.section.duties': 'Obligations permanentes',
    'annex.section.deescalation': 'Désescalade',

    // {parties} : libellés des Parties, avec leur article (« la République d’Aland et la Fédération de Borée »).
    'annex.parties': 'La présente Annexe s’applique entre {parties} (ci-après les «\u00A0Parties\u00A0»).',
    // {roles} : les libellés des rôles, entre guillemets.
    'annex.roles': '{count, plural, one {Dans la présente Annexe, l’expression {roles} désigne l’une des Parties.} other {Dans la présente Annexe, les expressions {roles} désignent chacune l’une des Parties, deux expressions différentes ne désignant jamais la même Partie.}}',
    'annex.body': '{body} comprend {members}.',
    'annex.mediators': '{mediators} {count, plural, one {agit en qualité de médiateur} other {agissent en qualité de médiateurs}} dans les cas prévus par la présente Annexe.',
    'annex.channels': 'Les Parties maintiennent {channels}.',
    'annex.channel': 'le canal «\u00A0{channel}\u00A0» entre {ends}',
    'annex.channel.relay': ', avec retransmission par {relay}',
    'annex.channel.latency': ', l’acheminement des messages s’effectuant dans un délai de {duration}',
    'annex.channel.fallback': ', le canal «\u00A0{fallback}\u00A0» s’y substituant en cas de défaillance',

    // {term} : le libellé de l’indicateur, tel qu’écrit.
    'annex.definition': 'L’indicateur «\u00A0{term}\u00A0» désigne {meaning}.',
    'annex.meaning.distance': 'une distance, exprimée en {units}',
    'annex.meaning.duration': 'une durée, exprimée en {units}',
    'annex.meaning.speed': 'une vitesse, exprimée en {units}',
    'annex.meaning.frequency': 'une fréquence, exprimée en {units}',
    'annex.meaning.measure': 'une valeur de la grandeur «\u00A0{dimension}\u00A0», exprimée en {units}',
    'annex.meaning.percent': 'un pourcentage',
    'annex.meaning.count': 'un nombre entier',
    'annex.meaning.countOf': 'le nombre d’occurrences de l’événement «\u00A0{event}\u00A0»',
    'annex.meaning.countOver': 'le nombre d’occurrences de l’événement «\u00A0{event}\u00A0» au cours de la période de {duration} qui précède',
    'annex.meaning.countOverAny': 'un nombre entier, calculé sur la période de {duration} qui précède',
    'annex.meaning.flag': 'une circonstance qui est constatée ou non',
    'annex.meaning.flagAssessed': 'une circonstance dont l’existence est, ou non, établie par voie d’évaluation',
    'annex.meaning.scale': 'l’une des valeurs suivantes, par ordre croissant de gravité\u00A0: {members}',
    'annex.meaning.choice': 'l’une des valeurs suivantes\u00A0: {members}',
    'annex.direction.higher': '\u202F; plus sa valeur est élevée, plus la situation est grave',
    'annex.direction.lower': '\u202F; plus sa valeur est faible, plus la situation est grave',
    'annex.direction.absent': '\u202F; son absence constitue la situation la plus grave',
    'annex.assessment': ' Il s’agit d’une évaluation et non d’une observation.',

    // {levels}, {baseline}, {level}, {from}, {to} : libellés des niveaux, déjà entre guillemets.
    'annex.levels': 'Les Parties reconnaissent les niveaux suivants, par ordre croissant de gravité\u00A0: {levels}.',
    'annex.levels.stand': 'La situation se situe au niveau le plus grave dont les conditions prévues par la présente Annexe sont remplies ou, lorsqu’aucune ne l’est, au niveau {baseline}.',
    'annex.scope': 'La présente Annexe ne s’applique que lorsque {condition}{citation}. En dehors de ces situations, aucun niveau ne s’applique au titre de la présente Annexe.',

    'annex.threshold': 'Lorsque {condition}, les Parties considèrent que la situation relève du niveau {level}{unless}{citation}.',
    'annex.redline': 'Lorsque {condition}, une ligne rouge est franchie et la situation est considérée comme relevant du niveau {level}{unless}{citation}.',
    'annex.unless': ', sauf si {condition}',
    'annex.consequence': 'La conséquence en est la suivante\u00A0: {consequence}.',
    'annex.consequence.withheld': 'Sa conséquence est énoncée dans un instrument confidentiel.',
    'annex.disclosure.public': 'Cette ligne rouge et sa conséquence sont publiques.',
    'annex.disclosure.confidential': 'Cette ligne rouge demeure confidentielle entre les Parties.',

    'annex.response.level': 'Lorsque la situation atteint le niveau {level}{citation}, les mesures suivantes sont prises{within}\u00A0:',
    'annex.response.rule': 'Lorsque survient la situation décrite au paragraphe {paragraph}{citation}, les mesures suivantes sont prises{within}\u00A0:',
    'annex.response.within': ', toutes dans un délai de {duration} à compter de ce moment',
    'annex.response.includes': '{count, plural, one {Les mesures requises au niveau {levels} sont également prises.} other {Les mesures requises aux niveaux {levels} sont également prises.}}',
    // {letter} : « (a) » ; {steps} : lettres des mesures, « (a) et (b) ».
    'annex.step': '{letter} {obligation}, {timing}{after}{latest}{citation}',
    'annex.step.after': ' après l’exécution de {steps}',
    'annex.step.latest': ' et au plus tard {duration} après ce moment',
    'annex.step.unresolved': 'si la question n’est pas réglée, {obligation}',
    'annex.timing.within': 'dans un délai de {duration}',
    'annex.timing.immediately': 'immédiatement',
    'annex.timing.without delay': 'sans délai',

    'annex.duty': '{obligation} {when}{citation}.',
    // {event} : libellé d’événement sans article, après « chaque ».
    'annex.when.before': 'au moins {duration} avant chaque {event}',
    'annex.when.after': 'dans un délai de {duration} après chaque {event}',
    'annex.when.immediately': 'immédiatement après chaque {event}',
    'annex.when.without delay': 'sans délai après chaque {event}',
    'annex.when.every': '{one, select, true {au moins une fois par {unit}} other {au moins une fois par période de {duration}}}',
    'annex.when.on': 'le {date}',
    'annex.when.onYearly': 'le {date} de chaque année',

    'annex.offramp': 'Lorsque la situation se situe au niveau {from} et que {conditions}, les Parties considèrent que la situation relève du niveau {to}{citation}.',
    'annex.offramp.held': 'la condition suivante est remplie sans interruption depuis au moins {duration}\u00A0: {condition}',
    'annex.offramp.done': '{count, plural, one {la mesure {steps} du paragraphe {paragraph} a été exécutée} other {les mesures {steps} du paragraphe {paragraph} ont été exécutées}}',

    // Une obligation : l’acteur, puis l’action au présent de l’indicatif, troisième personne du singulier.
    'annex.obligation': '{actor} {action}',
    'annex.channel.via': '{action} par le canal «\u00A0{channel}\u00A0»',
    'annex.authorized': '{action} sur autorisation donnée par {authority}',
    // {basis} : la référence telle qu’écrite (« Charte des Nations Unies, art. 51 »), d’où la parenthèse.
    'annex.basis': '{action} (fondement juridique\u00A0: {basis})',

    'annex.actor.party': '{label}',
    'annex.actor.organ': '{organ} de {party}',
    'annex.actor.organAlone': '{organ}',
    // Organe désigné par un rôle ou par « chaque Partie » dont le libellé diffère d’une Partie à l’autre.
    'annex.actor.organChoice': '{organs}, selon le cas, de {party}',
    'annex.actor.mediator': '{label}',
    'annex.actor.body': '{label}',
    'annex.actor.role': '{label}',
    'annex.actor.each': 'chaque Partie',
    'annex.actor.other': 'l’autre Partie',
    'annex.actor.everyOther': 'chacune des autres Parties',
    'annex.actor.all': 'toutes les Parties',

    // Compléments sans « à » ni « de » devant {counterpart} : voir la convention en tête du fichier.
    'annex.verb.notifies': '{counterpart, select, none {procède à une notification} other {avise {counterpart}}}',
    'annex.verb.consults': '{counterpart, select, none {procède à des consultations} other {consulte {counterpart}}}',
    'annex.verb.requests': '{counterpart, select, none {présente une demande} other {saisit {counterpart} d’une demande}}',
    'annex.verb.explains': '{counterpart, select, none {fournit des explications} other {informe {counterpart} en lui fournissant des explications}}',
    'annex.verb.acknowledges': '{counterpart, select, none {accuse réception} other {accuse réception en informant {counterpart}}}',
    'annex.verb.verifies': '{counterpart, select, none {procède à la vérification des faits} other {procède à la vérification des faits avec {counterpart}}}',
    'annex.verb.inspects': '{counterpart, select, none {procède à une inspection} other {procède à une inspection visant {counterpart}}}',
    'annex.verb.mediates': '{counterpart, select, none {exerce une médiation entre les Parties} other {exerce une médiation avec {counterpart}}}',
    'annex.verb.convenes': '{counterpart, select, none {convoque les Parties} other {convoque {counterpart}}}',
    'annex.verb.discloses': '{counterpart, select, none {divulgue l’incident} other {informe {counterpart} de l’incident}}',
    'annex.verb.withdraws': '{counterpart, select, none {retire ses moyens} other {retire ses moyens de la zone où se trouve {counterpart}}}',
    'annex.verb.suspends': '{counterpart, select, none {suspend les activités en cause} other {suspend les activités qui concernent {counterpart}}}',
    'annex.verb.pauses': '{counterpart, select, none {interrompt temporairement les activités en cause} other {interrompt temporairement les activités qui concernent {counterpart}}}',
    'annex.verb.intercepts': '{counterpart, select, none {procède à une interception} other {intercepte {counterpart}}}',
    'annex.verb.deploys': '{counterpart, select, none {déploie ses forces} other {déploie ses forces contre {counterpart}}}',
    'annex.verb.engages': '{counterpart, select, none {engage le combat} other {engage le combat contre {counterpart}}}',
    // Formule propre au protocole, déjà à la troisième personne du présent (@fr "assiste"), utilisée telle quelle.
    'annex.verb.custom': '{counterpart, select, none {{phrase}} other {{phrase} {counterpart}}}',

    'annex.lastItem': 'et {item}',

    // Les conditions en toutes lettres. Le sujet est « l’indicateur « … » » (masculin singulier) : voir
    // 'annex.subject'.
    'annex.enumerate.and': '{items}',
    'annex.both': 'les conditions suivantes sont toutes remplies\u00A0: {items}',
    'annex.either': 'l’une au moins des conditions suivantes est remplie\u00A0: {items}',
    'annex.notCase': 'la condition suivante n’est pas remplie\u00A0: {condition}',
    // {subject} : le libellé seul (sans 'annex.subject').
    'annex.flag.observed': '{negated, select, true {la circonstance «\u00A0{subject}\u00A0» n’est pas constatée} other {la circonstance «\u00A0{subject}\u00A0» est constatée}}',
    'annex.flag.assessed': '{negated, select, true {l’existence de la circonstance «\u00A0{subject}\u00A0» n’est pas établie par l’évaluation} other {l’existence de la circonstance «\u00A0{subject}\u00A0» est établie par l’évaluation}}',
    'annex.subject': 'l’indicateur «\u00A0{label}\u00A0»',
    'annex.subjectAssessed': 'l’indicateur «\u00A0{label}\u00A0», selon l’évaluation,',
    // {members} : valeurs d’une liste, reliées par « ou ».
    'annex.in': '{subject} a pour valeur {members}',
    'annex.notIn': '{subject} n’a aucune des valeurs {members}',
    'annex.between': '{subject} est au moins égal à {low} et au plus égal à {high}',
    'annex.notBetween': '{subject} est inférieur à {low} ou supérieur à {high}',
    'annex.cmp.lt': '{subject} est inférieur à {value}',
    'annex.cmp.le': '{subject} est inférieur ou égal à {value}',
    'annex.cmp.gt': '{subject} est supérieur à {value}',
    'annex.cmp.ge': '{subject} est supérieur ou égal à {value}',
    'annex.cmp.eq': '{subject} a pour valeur {value}',
    'annex.cmp.eqCount': '{subject} est exactement égal à {value}',
    'annex.cmp.ne': '{subject} n’a pas pour valeur {value}',
    'annex.scale.lt': '{subject} a une valeur moins grave que la valeur {value}',
    'annex.scale.le': '{subject} a pour valeur {value} ou une valeur moins grave',
    'annex.scale.gt': '{subject} a une valeur plus grave que la valeur {value}',
    'annex.scale.ge': '{subject} a pour valeur {value} ou une valeur plus grave',
    'annex.percent': '{number} pour cent',

    // ---- Tableaux (Markdown, HTML, CSV) -------------------------------------------------------
    'table.ladder': 'Échelle d’escalade',
    'table.indicators': 'Indicateurs',
    'table.scope': 'Champ d’application',
    'table.ruleTable': 'Table des règles',
    'table.resolvedTable': 'Table de décision résolue',
    'table.responses': 'Mesures de réponse',
    'table.duties': 'Obligations permanentes',
    'table.deescalation': 'Désescalade',
    'table.scenarios': 'Scénarios',
    'table.findings': 'Résultats de la vérification',
    'table.accepted': 'Résultats acceptés',
    'table.redlines': 'Lignes rouges et leurs conséquences',
    'table.rulePolicy': 'Politique de correspondance PRIORITY\u00A0: le niveau d’une situation est le plus grave des niveaux des règles applicables ou, lorsqu’aucune règle ne s’applique, le niveau de base.',
    'table.resolvedPolicy': 'Politique de correspondance UNIQUE\u00A0: chaque situation relève d’une seule ligne. Les lignes vont du niveau le plus grave au moins grave.',
    'table.scopeText': 'Le protocole ne s’applique que lorsque toutes les conditions ci-dessous sont remplies\u202F; en dehors de ces cas, aucun niveau ne s’applique.',
    'col.rank': 'rang',
    'col.level': 'niveau',
    'col.label': 'libellé',
    'col.rulesLeading': 'règles qui y conduisent',
    'col.responseWithin': 'délai de réponse',
    'col.indicator': 'indicateur',
    'col.description': 'description',
    'col.type': 'type',
    'col.worseWhen': 'plus grave si',
    'col.unit': 'unité',
    'col.rule': 'règle',
    'col.kind': 'nature',
    'col.part': 'partie',
    'col.citation': 'référence',
    'col.unless': 'sauf si',
    'col.condition': 'condition',
    'col.consequence': 'conséquence',
    'col.disclosure': 'diffusion',
    'col.steps': 'mesures dues',
    'col.step': 'mesure',
    'col.duty': 'obligation',
    'col.action': 'action',
    'col.within': 'délai',
    'col.dueBy': 'échéance',
    'col.after': 'après',
    'col.conditions': 'conditions',
    'col.when': 'quand',
    'col.from': 'de',
    'col.to': 'à',
    'col.for': 'pendant',
    'col.scenario': 'scénario',
    'col.given': 'données',
    'col.expect': 'résultat attendu',
    'col.code': 'code',
    'col.severity': 'gravité',
    'col.where': 'emplacement',
    'col.message': 'message',
    'col.justification': 'justification',
    'response.title': 'Réponse au niveau «\u00A0{level}\u00A0»',
    'response.titleRule': 'Réponse à la règle {rule}',
    'response.within': 'dans un délai de {duration}',
    'response.includes': '{count, plural, one {comprend les mesures prévues pour le niveau {levels}} other {comprend les mesures prévues pour les niveaux {levels}}}',
    'declared': 'prévue',
    'redline': 'ligne rouge',
    'threshold': 'seuil',
    'tentative': 'estimation',
    'ifUnresolved': 'si la question n’est pas réglée',
    'authorizedBy': 'autorisation\u00A0: {authority}',
    'cites': 'fondement\u00A0: {basis}',
    'noDeadline': 'sans échéance',
    'public': 'publique',
    'confidentialDisclosure': 'confidentielle',
};
