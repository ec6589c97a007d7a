export namespace app {
	
	export class ConsultationOptions {
	    channels: string[];
	    commenterCategories: string[];
	    decisions: string[];
	    statuses: string[];
	    minCommentDays: number;
	
	    static createFrom(source: any = {}) {
	        return new ConsultationOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.channels = source["channels"];
	        this.commenterCategories = source["commenterCategories"];
	        this.decisions = source["decisions"];
	        this.statuses = source["statuses"];
	        this.minCommentDays = source["minCommentDays"];
	    }
	}
	export class DisclosureOptions {
	    channels: string[];
	    applicantTypes: string[];
	    outcomes: string[];
	    answerMethods: string[];
	    letters: string[];
	    remedyKinds: string[];
	    remedyResults: string[];
	
	    static createFrom(source: any = {}) {
	        return new DisclosureOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.channels = source["channels"];
	        this.applicantTypes = source["applicantTypes"];
	        this.outcomes = source["outcomes"];
	        this.answerMethods = source["answerMethods"];
	        this.letters = source["letters"];
	        this.remedyKinds = source["remedyKinds"];
	        this.remedyResults = source["remedyResults"];
	    }
	}
	export class ExportedFile {
	    kind: string;
	    name: string;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportedFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.path = source["path"];
	    }
	}
	export class FileFilter {
	    displayName: string;
	    pattern: string;
	
	    static createFrom(source: any = {}) {
	        return new FileFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.displayName = source["displayName"];
	        this.pattern = source["pattern"];
	    }
	}
	export class InterpretationOptions {
	    forms: string[];
	    statuses: string[];
	    textHeadings: string[];
	    blockKinds: core.Option[];
	    mediaKinds: string[];
	    decisions: string[];
	    lagWorkdays: number;
	    exemptionRule: string;
	    signerRules: core.Option[];
	
	    static createFrom(source: any = {}) {
	        return new InterpretationOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.forms = source["forms"];
	        this.statuses = source["statuses"];
	        this.textHeadings = source["textHeadings"];
	        this.blockKinds = this.convertValues(source["blockKinds"], core.Option);
	        this.mediaKinds = source["mediaKinds"];
	        this.decisions = source["decisions"];
	        this.lagWorkdays = source["lagWorkdays"];
	        this.exemptionRule = source["exemptionRule"];
	        this.signerRules = this.convertValues(source["signerRules"], core.Option);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MailboxOptions {
	    states: string[];
	    types: string[];
	    channels: string[];
	    templateFields: string[];
	
	    static createFrom(source: any = {}) {
	        return new MailboxOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.states = source["states"];
	        this.types = source["types"];
	        this.channels = source["channels"];
	        this.templateFields = source["templateFields"];
	    }
	}
	export class PackageResult {
	    dir: string;
	    files: ExportedFile[];
	    skipped: string[];
	
	    static createFrom(source: any = {}) {
	        return new PackageResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dir = source["dir"];
	        this.files = this.convertValues(source["files"], ExportedFile);
	        this.skipped = source["skipped"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PolicyOptions {
	    categories: string[];
	    statuses: string[];
	    disclosureTypes: string[];
	    versionKinds: string[];
	
	    static createFrom(source: any = {}) {
	        return new PolicyOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.categories = source["categories"];
	        this.statuses = source["statuses"];
	        this.disclosureTypes = source["disclosureTypes"];
	        this.versionKinds = source["versionKinds"];
	    }
	}
	export class RecoveryStatus {
	    ok: boolean;
	    problem: string;
	    dbPath: string;
	    backups: core.BackupInfo[];
	
	    static createFrom(source: any = {}) {
	        return new RecoveryStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.problem = source["problem"];
	        this.dbPath = source["dbPath"];
	        this.backups = this.convertValues(source["backups"], core.BackupInfo);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RegisterSample {
	    no: string;
	    received: string;
	    applicant: string;
	    applicantType: string;
	    outcome: string;
	    answered: string;
	
	    static createFrom(source: any = {}) {
	        return new RegisterSample(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.no = source["no"];
	        this.received = source["received"];
	        this.applicant = source["applicant"];
	        this.applicantType = source["applicantType"];
	        this.outcome = source["outcome"];
	        this.answered = source["answered"];
	    }
	}
	export class RegisterPreview {
	    fileName: string;
	    rows: number;
	    answered: number;
	    open: number;
	    from: string;
	    to: string;
	    errors: string[];
	    sample: RegisterSample[];
	
	    static createFrom(source: any = {}) {
	        return new RegisterPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.rows = source["rows"];
	        this.answered = source["answered"];
	        this.open = source["open"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.errors = source["errors"];
	        this.sample = this.convertValues(source["sample"], RegisterSample);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class SystemInfo {
	    version: string;
	    commit: string;
	    dataDir: string;
	    dbPath: string;
	    backupDir: string;
	    exportDir: string;
	    schemaVersion: number;
	    startedAt: string;
	    now: string;
	    fixedClock: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SystemInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.commit = source["commit"];
	        this.dataDir = source["dataDir"];
	        this.dbPath = source["dbPath"];
	        this.backupDir = source["backupDir"];
	        this.exportDir = source["exportDir"];
	        this.schemaVersion = source["schemaVersion"];
	        this.startedAt = source["startedAt"];
	        this.now = source["now"];
	        this.fixedClock = source["fixedClock"];
	    }
	}

}

export namespace core {
	
	export class Account {
	    personId: number;
	    login: string;
	    name: string;
	    role: string;
	    sectionName: string;
	    admin: boolean;
	    disabled: boolean;
	    lockedUntil: string;
	    lastLoginAt: string;
	    mustChangePassword: boolean;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Account(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.login = source["login"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.sectionName = source["sectionName"];
	        this.admin = source["admin"];
	        this.disabled = source["disabled"];
	        this.lockedUntil = source["lockedUntil"];
	        this.lastLoginAt = source["lastLoginAt"];
	        this.mustChangePassword = source["mustChangePassword"];
	        this.version = source["version"];
	    }
	}
	export class Approval {
	    id: number;
	    round: number;
	    stepName: string;
	    personId: number;
	    personName: string;
	    decision: string;
	    opinion: string;
	    actedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Approval(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.round = source["round"];
	        this.stepName = source["stepName"];
	        this.personId = source["personId"];
	        this.personName = source["personName"];
	        this.decision = source["decision"];
	        this.opinion = source["opinion"];
	        this.actedAt = source["actedAt"];
	    }
	}
	export class Attachment {
	    id: number;
	    fileName: string;
	    mimeType: string;
	    size: number;
	    sha256: string;
	
	    static createFrom(source: any = {}) {
	        return new Attachment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.fileName = source["fileName"];
	        this.mimeType = source["mimeType"];
	        this.size = source["size"];
	        this.sha256 = source["sha256"];
	    }
	}
	export class AuditCheck {
	    ok: boolean;
	    entries: number;
	    firstBrokenId: number;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.entries = source["entries"];
	        this.firstBrokenId = source["firstBrokenId"];
	        this.problem = source["problem"];
	    }
	}
	export class AuditEntry {
	    id: number;
	    at: string;
	    personId: number;
	    personName: string;
	    action: string;
	    entity: string;
	    entityId: string;
	    summary: string;
	    changes: string;
	    prevHash: string;
	    hash: string;
	    clientAddr: string;
	    clientKind: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.personId = source["personId"];
	        this.personName = source["personName"];
	        this.action = source["action"];
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.summary = source["summary"];
	        this.changes = source["changes"];
	        this.prevHash = source["prevHash"];
	        this.hash = source["hash"];
	        this.clientAddr = source["clientAddr"];
	        this.clientKind = source["clientKind"];
	    }
	}
	export class AuditFilter {
	    personName: string;
	    entity: string;
	    entityId: string;
	    from: string;
	    to: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new AuditFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personName = source["personName"];
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class AuditPage {
	    total: number;
	    entries: AuditEntry[];
	
	    static createFrom(source: any = {}) {
	        return new AuditPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.entries = this.convertValues(source["entries"], AuditEntry);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BackupInfo {
	    name: string;
	    path: string;
	    size: number;
	    createdAt: string;
	    reason: string;
	    reasonLabel: string;
	    schemaVersion: number;
	
	    static createFrom(source: any = {}) {
	        return new BackupInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	        this.size = source["size"];
	        this.createdAt = source["createdAt"];
	        this.reason = source["reason"];
	        this.reasonLabel = source["reasonLabel"];
	        this.schemaVersion = source["schemaVersion"];
	    }
	}
	export class Bureau {
	    name: string;
	    shortName: string;
	    address: string;
	    phone: string;
	    website: string;
	    updatedAt: string;
	    updatedBy: string;
	
	    static createFrom(source: any = {}) {
	        return new Bureau(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.shortName = source["shortName"];
	        this.address = source["address"];
	        this.phone = source["phone"];
	        this.website = source["website"];
	        this.updatedAt = source["updatedAt"];
	        this.updatedBy = source["updatedBy"];
	    }
	}
	export class CalendarDay {
	    date: string;
	    weekday: number;
	    workday: boolean;
	    kind: string;
	    name: string;
	    note: string;
	    edited: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CalendarDay(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.weekday = source["weekday"];
	        this.workday = source["workday"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.note = source["note"];
	        this.edited = source["edited"];
	    }
	}
	export class CalendarDayEdit {
	    date: string;
	    kind: string;
	    name: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new CalendarDayEdit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.note = source["note"];
	    }
	}
	export class CalendarYear {
	    year: number;
	    covered: boolean;
	    source: string;
	    sourceUrl: string;
	    updatedAt: string;
	    updatedBy: string;
	    days: CalendarDay[];
	
	    static createFrom(source: any = {}) {
	        return new CalendarYear(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.covered = source["covered"];
	        this.source = source["source"];
	        this.sourceUrl = source["sourceUrl"];
	        this.updatedAt = source["updatedAt"];
	        this.updatedBy = source["updatedBy"];
	        this.days = this.convertValues(source["days"], CalendarDay);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CalendarYearInfo {
	    year: number;
	    source: string;
	    sourceUrl: string;
	    restDays: number;
	    makeupWorkdays: number;
	    editedDays: number;
	    updatedAt: string;
	    updatedBy: string;
	
	    static createFrom(source: any = {}) {
	        return new CalendarYearInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.source = source["source"];
	        this.sourceUrl = source["sourceUrl"];
	        this.restDays = source["restDays"];
	        this.makeupWorkdays = source["makeupWorkdays"];
	        this.editedDays = source["editedDays"];
	        this.updatedAt = source["updatedAt"];
	        this.updatedBy = source["updatedBy"];
	    }
	}
	export class Clause {
	    id: number;
	    versionId: number;
	    path: string;
	    level: number;
	    number: string;
	    heading: string;
	    body: string;
	    start: number;
	    end: number;
	    seq: number;
	
	    static createFrom(source: any = {}) {
	        return new Clause(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.versionId = source["versionId"];
	        this.path = source["path"];
	        this.level = source["level"];
	        this.number = source["number"];
	        this.heading = source["heading"];
	        this.body = source["body"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.seq = source["seq"];
	    }
	}
	export class ClauseSummary {
	    path: string;
	    heading: string;
	    total: number;
	    adopted: number;
	    partly: number;
	    rejected: number;
	    outOfScope: number;
	    undecided: number;
	
	    static createFrom(source: any = {}) {
	        return new ClauseSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.heading = source["heading"];
	        this.total = source["total"];
	        this.adopted = source["adopted"];
	        this.partly = source["partly"];
	        this.rejected = source["rejected"];
	        this.outOfScope = source["outOfScope"];
	        this.undecided = source["undecided"];
	    }
	}
	export class ClockStopDecision {
	    messageId: number;
	    approve: boolean;
	    opinion: string;
	
	    static createFrom(source: any = {}) {
	        return new ClockStopDecision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.messageId = source["messageId"];
	        this.approve = source["approve"];
	        this.opinion = source["opinion"];
	    }
	}
	export class ClockStopInput {
	    messageId: number;
	    reason: string;
	    approverId: number;
	
	    static createFrom(source: any = {}) {
	        return new ClockStopInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.messageId = source["messageId"];
	        this.reason = source["reason"];
	        this.approverId = source["approverId"];
	    }
	}
	export class Comment {
	    id: number;
	    consultationId: number;
	    receivedDate: string;
	    channel: string;
	    commenter: string;
	    category: string;
	    contact: string;
	    body: string;
	    clauses: string[];
	    groupId: number;
	    groupSize: number;
	    representative: boolean;
	    decision: string;
	    reason: string;
	    response: string;
	    decidedBy: string;
	    decidedAt: string;
	    batchId: number;
	    sourceRow: number;
	    createdAt: string;
	    updatedAt: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Comment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.consultationId = source["consultationId"];
	        this.receivedDate = source["receivedDate"];
	        this.channel = source["channel"];
	        this.commenter = source["commenter"];
	        this.category = source["category"];
	        this.contact = source["contact"];
	        this.body = source["body"];
	        this.clauses = source["clauses"];
	        this.groupId = source["groupId"];
	        this.groupSize = source["groupSize"];
	        this.representative = source["representative"];
	        this.decision = source["decision"];
	        this.reason = source["reason"];
	        this.response = source["response"];
	        this.decidedBy = source["decidedBy"];
	        this.decidedAt = source["decidedAt"];
	        this.batchId = source["batchId"];
	        this.sourceRow = source["sourceRow"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.version = source["version"];
	    }
	}
	export class CommentFilter {
	    consultationId: number;
	    decision: string;
	    category: string;
	    channel: string;
	    clause: string;
	    groupId: number;
	    query: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new CommentFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.consultationId = source["consultationId"];
	        this.decision = source["decision"];
	        this.category = source["category"];
	        this.channel = source["channel"];
	        this.clause = source["clause"];
	        this.groupId = source["groupId"];
	        this.query = source["query"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class CommentGroup {
	    id: number;
	    consultationId: number;
	    representativeId: number;
	    representative: Comment;
	    count: number;
	    similarity: number;
	    manual: boolean;
	    decision: string;
	    members: Comment[];
	
	    static createFrom(source: any = {}) {
	        return new CommentGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.consultationId = source["consultationId"];
	        this.representativeId = source["representativeId"];
	        this.representative = this.convertValues(source["representative"], Comment);
	        this.count = source["count"];
	        this.similarity = source["similarity"];
	        this.manual = source["manual"];
	        this.decision = source["decision"];
	        this.members = this.convertValues(source["members"], Comment);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CommentPage {
	    total: number;
	    comments: Comment[];
	
	    static createFrom(source: any = {}) {
	        return new CommentPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.comments = this.convertValues(source["comments"], Comment);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Consultation {
	    id: number;
	    policyId: number;
	    policyTitle: string;
	    policyDocNumber: string;
	    enterpriseRelated: boolean;
	    versionId: number;
	    openDate: string;
	    closeDate: string;
	    earliestClose: string;
	    shortReason: string;
	    channels: string[];
	    contact: string;
	    explanation: string;
	    sectionId: number;
	    sectionName: string;
	    status: string;
	    countdownLabel: string;
	    commentCount: number;
	    undecidedCount: number;
	    groupCount: number;
	    reportGenerated: boolean;
	    reportChanged: boolean;
	    reportPublished: string;
	    reportUrl: string;
	    createdAt: string;
	    updatedAt: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Consultation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.policyId = source["policyId"];
	        this.policyTitle = source["policyTitle"];
	        this.policyDocNumber = source["policyDocNumber"];
	        this.enterpriseRelated = source["enterpriseRelated"];
	        this.versionId = source["versionId"];
	        this.openDate = source["openDate"];
	        this.closeDate = source["closeDate"];
	        this.earliestClose = source["earliestClose"];
	        this.shortReason = source["shortReason"];
	        this.channels = source["channels"];
	        this.contact = source["contact"];
	        this.explanation = source["explanation"];
	        this.sectionId = source["sectionId"];
	        this.sectionName = source["sectionName"];
	        this.status = source["status"];
	        this.countdownLabel = source["countdownLabel"];
	        this.commentCount = source["commentCount"];
	        this.undecidedCount = source["undecidedCount"];
	        this.groupCount = source["groupCount"];
	        this.reportGenerated = source["reportGenerated"];
	        this.reportChanged = source["reportChanged"];
	        this.reportPublished = source["reportPublished"];
	        this.reportUrl = source["reportUrl"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.version = source["version"];
	    }
	}
	export class ConsultationNotice {
	    id: number;
	    consultationId: number;
	    kind: string;
	    noticeDate: string;
	    oldClose: string;
	    newClose: string;
	    reason: string;
	    createdAt: string;
	    createdBy: string;
	
	    static createFrom(source: any = {}) {
	        return new ConsultationNotice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.consultationId = source["consultationId"];
	        this.kind = source["kind"];
	        this.noticeDate = source["noticeDate"];
	        this.oldClose = source["oldClose"];
	        this.newClose = source["newClose"];
	        this.reason = source["reason"];
	        this.createdAt = source["createdAt"];
	        this.createdBy = source["createdBy"];
	    }
	}
	export class ConsultationDetail {
	    consultation: Consultation;
	    notices: ConsultationNotice[];
	    clauses: Clause[];
	
	    static createFrom(source: any = {}) {
	        return new ConsultationDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.consultation = this.convertValues(source["consultation"], Consultation);
	        this.notices = this.convertValues(source["notices"], ConsultationNotice);
	        this.clauses = this.convertValues(source["clauses"], Clause);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ConsultationFilter {
	    policyId: number;
	    status: string;
	    query: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new ConsultationFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.policyId = source["policyId"];
	        this.status = source["status"];
	        this.query = source["query"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	
	export class ConsultationPage {
	    total: number;
	    consultations: Consultation[];
	
	    static createFrom(source: any = {}) {
	        return new ConsultationPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.consultations = this.convertValues(source["consultations"], Consultation);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CountRow {
	    label: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new CountRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.count = source["count"];
	    }
	}
	export class CurrentUser {
	    personId: number;
	    name: string;
	    sectionId: number;
	    sectionName: string;
	    role: string;
	    title: string;
	    set: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CurrentUser(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.sectionId = source["sectionId"];
	        this.sectionName = source["sectionName"];
	        this.role = source["role"];
	        this.title = source["title"];
	        this.set = source["set"];
	    }
	}
	export class DayChange {
	    date: string;
	    before: string;
	    after: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new DayChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.before = source["before"];
	        this.after = source["after"];
	        this.name = source["name"];
	    }
	}
	export class Deadline {
	    module: string;
	    kind: string;
	    title: string;
	    detail: string;
	    due: string;
	    status: string;
	    label: string;
	    workdays: number;
	    link: string;
	
	    static createFrom(source: any = {}) {
	        return new Deadline(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.module = source["module"];
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.detail = source["detail"];
	        this.due = source["due"];
	        this.status = source["status"];
	        this.label = source["label"];
	        this.workdays = source["workdays"];
	        this.link = source["link"];
	    }
	}
	export class Decision {
	    commentId: number;
	    groupId: number;
	    decision: string;
	    reason: string;
	    response: string;
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.commentId = source["commentId"];
	        this.groupId = source["groupId"];
	        this.decision = source["decision"];
	        this.reason = source["reason"];
	        this.response = source["response"];
	    }
	}
	export class DemoAccount {
	    login: string;
	    password: string;
	    name: string;
	    role: string;
	    roleLabel: string;
	    sectionName: string;
	
	    static createFrom(source: any = {}) {
	        return new DemoAccount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.login = source["login"];
	        this.password = source["password"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.roleLabel = source["roleLabel"];
	        this.sectionName = source["sectionName"];
	    }
	}
	export class DictionaryWord {
	    word: string;
	    freq: number;
	    tag: string;
	    builtin: boolean;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new DictionaryWord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.word = source["word"];
	        this.freq = source["freq"];
	        this.tag = source["tag"];
	        this.builtin = source["builtin"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class DisclosureAnswer {
	    id: number;
	    outcome: number;
	    date: string;
	    method: string;
	    ref: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new DisclosureAnswer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.outcome = source["outcome"];
	        this.date = source["date"];
	        this.method = source["method"];
	        this.ref = source["ref"];
	        this.text = source["text"];
	    }
	}
	export class DisclosureRemedy {
	    id: number;
	    requestId: number;
	    kind: string;
	    filed: string;
	    forum: string;
	    result: string;
	    decided: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new DisclosureRemedy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.requestId = source["requestId"];
	        this.kind = source["kind"];
	        this.filed = source["filed"];
	        this.forum = source["forum"];
	        this.result = source["result"];
	        this.decided = source["decided"];
	        this.note = source["note"];
	    }
	}
	export class DisclosureEvent {
	    id: number;
	    kind: string;
	    date: string;
	    note: string;
	    actorName: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new DisclosureEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.date = source["date"];
	        this.note = source["note"];
	        this.actorName = source["actorName"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class DisclosureRequest {
	    id: number;
	    caseNo: string;
	    channel: string;
	    arrived: string;
	    confirmed: string;
	    received: string;
	    applicant: string;
	    applicantType: string;
	    idNumber: string;
	    contact: string;
	    content: string;
	    form: string;
	    delivery: string;
	    sectionId: number;
	    sectionName: string;
	    handlerId: number;
	    handlerName: string;
	    correctionSent: string;
	    correctionBy: string;
	    correctionDue: string;
	    corrected: string;
	    extended: boolean;
	    extensionBy: string;
	    outcome: number;
	    outcomeLabel: string;
	    answerDate: string;
	    answerMethod: string;
	    answerRef: string;
	    answerText: string;
	    due: string;
	    status: string;
	    countdownStatus: string;
	    countdownLabel: string;
	    workdays: number;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new DisclosureRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.caseNo = source["caseNo"];
	        this.channel = source["channel"];
	        this.arrived = source["arrived"];
	        this.confirmed = source["confirmed"];
	        this.received = source["received"];
	        this.applicant = source["applicant"];
	        this.applicantType = source["applicantType"];
	        this.idNumber = source["idNumber"];
	        this.contact = source["contact"];
	        this.content = source["content"];
	        this.form = source["form"];
	        this.delivery = source["delivery"];
	        this.sectionId = source["sectionId"];
	        this.sectionName = source["sectionName"];
	        this.handlerId = source["handlerId"];
	        this.handlerName = source["handlerName"];
	        this.correctionSent = source["correctionSent"];
	        this.correctionBy = source["correctionBy"];
	        this.correctionDue = source["correctionDue"];
	        this.corrected = source["corrected"];
	        this.extended = source["extended"];
	        this.extensionBy = source["extensionBy"];
	        this.outcome = source["outcome"];
	        this.outcomeLabel = source["outcomeLabel"];
	        this.answerDate = source["answerDate"];
	        this.answerMethod = source["answerMethod"];
	        this.answerRef = source["answerRef"];
	        this.answerText = source["answerText"];
	        this.due = source["due"];
	        this.status = source["status"];
	        this.countdownStatus = source["countdownStatus"];
	        this.countdownLabel = source["countdownLabel"];
	        this.workdays = source["workdays"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class DisclosureDetail {
	    request: DisclosureRequest;
	    events: DisclosureEvent[];
	    remedies: DisclosureRemedy[];
	
	    static createFrom(source: any = {}) {
	        return new DisclosureDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.request = this.convertValues(source["request"], DisclosureRequest);
	        this.events = this.convertValues(source["events"], DisclosureEvent);
	        this.remedies = this.convertValues(source["remedies"], DisclosureRemedy);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class DisclosureFilter {
	    year: number;
	    status: string;
	    query: string;
	
	    static createFrom(source: any = {}) {
	        return new DisclosureFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.status = source["status"];
	        this.query = source["query"];
	    }
	}
	export class DisclosureIntake {
	    channel: string;
	    arrived: string;
	    confirmed: string;
	    applicant: string;
	    applicantType: string;
	    idNumber: string;
	    contact: string;
	    content: string;
	    form: string;
	    delivery: string;
	    sectionId: number;
	    handlerId: number;
	
	    static createFrom(source: any = {}) {
	        return new DisclosureIntake(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.channel = source["channel"];
	        this.arrived = source["arrived"];
	        this.confirmed = source["confirmed"];
	        this.applicant = source["applicant"];
	        this.applicantType = source["applicantType"];
	        this.idNumber = source["idNumber"];
	        this.contact = source["contact"];
	        this.content = source["content"];
	        this.form = source["form"];
	        this.delivery = source["delivery"];
	        this.sectionId = source["sectionId"];
	        this.handlerId = source["handlerId"];
	    }
	}
	
	
	export class DisclosureTable {
	    year: number;
	    bureau: string;
	    columns: string[];
	    labels: string[];
	    cells: number[][];
	    check: string;
	    onTime: number;
	    late: number;
	
	    static createFrom(source: any = {}) {
	        return new DisclosureTable(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.bureau = source["bureau"];
	        this.columns = source["columns"];
	        this.labels = source["labels"];
	        this.cells = source["cells"];
	        this.check = source["check"];
	        this.onTime = source["onTime"];
	        this.late = source["late"];
	    }
	}
	export class DisclosureTable4 {
	    year: number;
	    groups: string[];
	    results: string[];
	    cells: number[][];
	
	    static createFrom(source: any = {}) {
	        return new DisclosureTable4(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.groups = source["groups"];
	        this.results = source["results"];
	        this.cells = source["cells"];
	    }
	}
	export class DueResult {
	    from: string;
	    workdays: number;
	    due: string;
	    dueWeekday: string;
	    naturalDays: number;
	
	    static createFrom(source: any = {}) {
	        return new DueResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.workdays = source["workdays"];
	        this.due = source["due"];
	        this.dueWeekday = source["dueWeekday"];
	        this.naturalDays = source["naturalDays"];
	    }
	}
	export class PolicyFact {
	    kind: string;
	    label: string;
	    text: string;
	    clause: string;
	    start: number;
	    end: number;
	
	    static createFrom(source: any = {}) {
	        return new PolicyFact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.text = source["text"];
	        this.clause = source["clause"];
	        this.start = source["start"];
	        this.end = source["end"];
	    }
	}
	export class Keyword {
	    word: string;
	    weight: number;
	
	    static createFrom(source: any = {}) {
	        return new Keyword(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.word = source["word"];
	        this.weight = source["weight"];
	    }
	}
	export class EditorHelp {
	    policyId: number;
	    versionId: number;
	    versionKind: string;
	    headings: string[];
	    clauses: Clause[];
	    keywords: Keyword[];
	    facts: PolicyFact[];
	
	    static createFrom(source: any = {}) {
	        return new EditorHelp(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.policyId = source["policyId"];
	        this.versionId = source["versionId"];
	        this.versionKind = source["versionKind"];
	        this.headings = source["headings"];
	        this.clauses = this.convertValues(source["clauses"], Clause);
	        this.keywords = this.convertValues(source["keywords"], Keyword);
	        this.facts = this.convertValues(source["facts"], PolicyFact);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LabeledMessage {
	    subject: string;
	    body: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new LabeledMessage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subject = source["subject"];
	        this.body = source["body"];
	        this.label = source["label"];
	    }
	}
	export class RoutingTopicCount {
	    topicId: number;
	    topicName: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new RoutingTopicCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.topicId = source["topicId"];
	        this.topicName = source["topicName"];
	        this.count = source["count"];
	    }
	}
	export class ExampleImportPreview {
	    fileName: string;
	    rows: number;
	    byLabel: RoutingTopicCount[];
	    unknownLabels: string[];
	    duplicates: number;
	    samples: LabeledMessage[];
	
	    static createFrom(source: any = {}) {
	        return new ExampleImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.rows = source["rows"];
	        this.byLabel = this.convertValues(source["byLabel"], RoutingTopicCount);
	        this.unknownLabels = source["unknownLabels"];
	        this.duplicates = source["duplicates"];
	        this.samples = this.convertValues(source["samples"], LabeledMessage);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExampleImportResult {
	    added: number;
	    duplicates: number;
	    createdTopics: string[];
	
	    static createFrom(source: any = {}) {
	        return new ExampleImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.added = source["added"];
	        this.duplicates = source["duplicates"];
	        this.createdTopics = source["createdTopics"];
	    }
	}
	export class Exemption {
	    id: number;
	    subjectType: string;
	    subjectId: number;
	    rule: string;
	    reason: string;
	    personName: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Exemption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.subjectType = source["subjectType"];
	        this.subjectId = source["subjectId"];
	        this.rule = source["rule"];
	        this.reason = source["reason"];
	        this.personName = source["personName"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class ExemptionInput {
	    subjectType: string;
	    subjectId: number;
	    rule: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new ExemptionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subjectType = source["subjectType"];
	        this.subjectId = source["subjectId"];
	        this.rule = source["rule"];
	        this.reason = source["reason"];
	    }
	}
	export class ReportItem {
	    clauses: string[];
	    summary: string;
	    count: number;
	    category: string;
	    decision: string;
	    reason: string;
	    response: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clauses = source["clauses"];
	        this.summary = source["summary"];
	        this.count = source["count"];
	        this.category = source["category"];
	        this.decision = source["decision"];
	        this.reason = source["reason"];
	        this.response = source["response"];
	    }
	}
	export class FeedbackReport {
	    consultationId: number;
	    bureauName: string;
	    policyTitle: string;
	    docNumber: string;
	    sectionName: string;
	    openDate: string;
	    closeDate: string;
	    naturalDays: number;
	    shortReason: string;
	    channels: string[];
	    contact: string;
	    notices: ConsultationNotice[];
	    total: number;
	    opinions: number;
	    undecided: number;
	    byCategory: CountRow[];
	    byChannel: CountRow[];
	    byDecision: CountRow[];
	    clauses: ClauseSummary[];
	    adopted: ReportItem[];
	    notAdopted: ReportItem[];
	    date: string;
	    text: string;
	    publishedDate: string;
	    publishedUrl: string;
	    enterpriseHeard: boolean;
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new FeedbackReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.consultationId = source["consultationId"];
	        this.bureauName = source["bureauName"];
	        this.policyTitle = source["policyTitle"];
	        this.docNumber = source["docNumber"];
	        this.sectionName = source["sectionName"];
	        this.openDate = source["openDate"];
	        this.closeDate = source["closeDate"];
	        this.naturalDays = source["naturalDays"];
	        this.shortReason = source["shortReason"];
	        this.channels = source["channels"];
	        this.contact = source["contact"];
	        this.notices = this.convertValues(source["notices"], ConsultationNotice);
	        this.total = source["total"];
	        this.opinions = source["opinions"];
	        this.undecided = source["undecided"];
	        this.byCategory = this.convertValues(source["byCategory"], CountRow);
	        this.byChannel = this.convertValues(source["byChannel"], CountRow);
	        this.byDecision = this.convertValues(source["byDecision"], CountRow);
	        this.clauses = this.convertValues(source["clauses"], ClauseSummary);
	        this.adopted = this.convertValues(source["adopted"], ReportItem);
	        this.notAdopted = this.convertValues(source["notAdopted"], ReportItem);
	        this.date = source["date"];
	        this.text = source["text"];
	        this.publishedDate = source["publishedDate"];
	        this.publishedUrl = source["publishedUrl"];
	        this.enterpriseHeard = source["enterpriseHeard"];
	        this.warnings = source["warnings"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FindingAck {
	    subjectType: string;
	    subjectId: number;
	    kind: string;
	    match: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new FindingAck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subjectType = source["subjectType"];
	        this.subjectId = source["subjectId"];
	        this.kind = source["kind"];
	        this.match = source["match"];
	        this.reason = source["reason"];
	    }
	}
	export class FlowStep {
	    title: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new FlowStep(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.text = source["text"];
	    }
	}
	export class ForwardInput {
	    messageId: number;
	    forwardTo: string;
	    reply: string;
	    approverId: number;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new ForwardInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.messageId = source["messageId"];
	        this.forwardTo = source["forwardTo"];
	        this.reply = source["reply"];
	        this.approverId = source["approverId"];
	        this.version = source["version"];
	    }
	}
	export class QAPair {
	    question: string;
	    answer: string;
	
	    static createFrom(source: any = {}) {
	        return new QAPair(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.question = source["question"];
	        this.answer = source["answer"];
	    }
	}
	export class KeyFigure {
	    value: string;
	    unit: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new KeyFigure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.unit = source["unit"];
	        this.label = source["label"];
	    }
	}
	export class GraphicBlock {
	    kind: string;
	    title: string;
	    text: string;
	    figures: KeyFigure[];
	    steps: FlowStep[];
	    items: string[];
	    qa: QAPair[];
	    issuer: string;
	    date: string;
	
	    static createFrom(source: any = {}) {
	        return new GraphicBlock(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.text = source["text"];
	        this.figures = this.convertValues(source["figures"], KeyFigure);
	        this.steps = this.convertValues(source["steps"], FlowStep);
	        this.items = source["items"];
	        this.qa = this.convertValues(source["qa"], QAPair);
	        this.issuer = source["issuer"];
	        this.date = source["date"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Graphic {
	    blocks: GraphicBlock[];
	
	    static createFrom(source: any = {}) {
	        return new Graphic(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.blocks = this.convertValues(source["blocks"], GraphicBlock);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class GroupMerge {
	    consultationId: number;
	    groupIds: number[];
	    commentIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new GroupMerge(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.consultationId = source["consultationId"];
	        this.groupIds = source["groupIds"];
	        this.commentIds = source["commentIds"];
	    }
	}
	export class GroupingResult {
	    comments: number;
	    groups: number;
	    duplicates: number;
	    list: CommentGroup[];
	
	    static createFrom(source: any = {}) {
	        return new GroupingResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.comments = source["comments"];
	        this.groups = source["groups"];
	        this.duplicates = source["duplicates"];
	        this.list = this.convertValues(source["list"], CommentGroup);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class HolidaySpan {
	    name: string;
	    start: string;
	    end: string;
	    days: number;
	    makeupWorkdays: string[];
	
	    static createFrom(source: any = {}) {
	        return new HolidaySpan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.days = source["days"];
	        this.makeupWorkdays = source["makeupWorkdays"];
	    }
	}
	export class IMAPConfig {
	    host: string;
	    port: number;
	    security: string;
	    username: string;
	    password: string;
	    hasPassword: boolean;
	    mailbox: string;
	    onlyUnseen: boolean;
	    sinceUid: number;
	    insecureTls: boolean;
	    fetchEveryMinutes: number;
	    lastFetchAt: string;
	    lastFetchResult: string;
	
	    static createFrom(source: any = {}) {
	        return new IMAPConfig(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.host = source["host"];
	        this.port = source["port"];
	        this.security = source["security"];
	        this.username = source["username"];
	        this.password = source["password"];
	        this.hasPassword = source["hasPassword"];
	        this.mailbox = source["mailbox"];
	        this.onlyUnseen = source["onlyUnseen"];
	        this.sinceUid = source["sinceUid"];
	        this.insecureTls = source["insecureTls"];
	        this.fetchEveryMinutes = source["fetchEveryMinutes"];
	        this.lastFetchAt = source["lastFetchAt"];
	        this.lastFetchResult = source["lastFetchResult"];
	    }
	}
	export class ImportField {
	    key: string;
	    label: string;
	    required: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportField(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.required = source["required"];
	    }
	}
	export class RowError {
	    row: number;
	    field: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new RowError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.field = source["field"];
	        this.message = source["message"];
	    }
	}
	export class ImportRow {
	    row: number;
	    receivedDate: string;
	    channel: string;
	    commenter: string;
	    category: string;
	    contact: string;
	    body: string;
	    clauses: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImportRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.receivedDate = source["receivedDate"];
	        this.channel = source["channel"];
	        this.commenter = source["commenter"];
	        this.category = source["category"];
	        this.contact = source["contact"];
	        this.body = source["body"];
	        this.clauses = source["clauses"];
	    }
	}
	export class ImportPreview {
	    fileName: string;
	    encoding: string;
	    sheet: string;
	    headers: string[];
	    fields: ImportField[];
	    mapping: Record<string, number>;
	    rows: ImportRow[];
	    errors: RowError[];
	    warnings: RowError[];
	    total: number;
	    valid: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.encoding = source["encoding"];
	        this.sheet = source["sheet"];
	        this.headers = source["headers"];
	        this.fields = this.convertValues(source["fields"], ImportField);
	        this.mapping = source["mapping"];
	        this.rows = this.convertValues(source["rows"], ImportRow);
	        this.errors = this.convertValues(source["errors"], RowError);
	        this.warnings = this.convertValues(source["warnings"], RowError);
	        this.total = source["total"];
	        this.valid = source["valid"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportRequest {
	    consultationId: number;
	    fileName: string;
	    mapping: Record<string, number>;
	    defaultDate: string;
	    defaultChannel: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.consultationId = source["consultationId"];
	        this.fileName = source["fileName"];
	        this.mapping = source["mapping"];
	        this.defaultDate = source["defaultDate"];
	        this.defaultChannel = source["defaultChannel"];
	    }
	}
	export class ImportResult {
	    batchId: number;
	    fileName: string;
	    added: number;
	    grouping: GroupingResult;
	    warnings: RowError[];
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batchId = source["batchId"];
	        this.fileName = source["fileName"];
	        this.added = source["added"];
	        this.grouping = this.convertValues(source["grouping"], GroupingResult);
	        this.warnings = this.convertValues(source["warnings"], RowError);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class MediaRef {
	    name: string;
	    location: string;
	    kind: string;
	
	    static createFrom(source: any = {}) {
	        return new MediaRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.location = source["location"];
	        this.kind = source["kind"];
	    }
	}
	export class Media {
	    speaker: string;
	    speakerTitle: string;
	    occasion: string;
	    heldAt: string;
	    transcript: string;
	    files: MediaRef[];
	
	    static createFrom(source: any = {}) {
	        return new Media(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.speaker = source["speaker"];
	        this.speakerTitle = source["speakerTitle"];
	        this.occasion = source["occasion"];
	        this.heldAt = source["heldAt"];
	        this.transcript = source["transcript"];
	        this.files = this.convertValues(source["files"], MediaRef);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TextSection {
	    heading: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new TextSection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.heading = source["heading"];
	        this.text = source["text"];
	    }
	}
	export class Interpretation {
	    id: number;
	    policyId: number;
	    policyTitle: string;
	    form: string;
	    title: string;
	    sectionId: number;
	    sectionName: string;
	    sectionReason: string;
	    authorId: number;
	    authorName: string;
	    status: string;
	    sections: TextSection[];
	    qa: QAPair[];
	    graphic: Graphic;
	    media: Media;
	    approvedAt: string;
	    publishedDate: string;
	    publishedUrl: string;
	    due: string;
	    dueLabel: string;
	    dueStatus: string;
	    createdAt: string;
	    updatedAt: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Interpretation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.policyId = source["policyId"];
	        this.policyTitle = source["policyTitle"];
	        this.form = source["form"];
	        this.title = source["title"];
	        this.sectionId = source["sectionId"];
	        this.sectionName = source["sectionName"];
	        this.sectionReason = source["sectionReason"];
	        this.authorId = source["authorId"];
	        this.authorName = source["authorName"];
	        this.status = source["status"];
	        this.sections = this.convertValues(source["sections"], TextSection);
	        this.qa = this.convertValues(source["qa"], QAPair);
	        this.graphic = this.convertValues(source["graphic"], Graphic);
	        this.media = this.convertValues(source["media"], Media);
	        this.approvedAt = source["approvedAt"];
	        this.publishedDate = source["publishedDate"];
	        this.publishedUrl = source["publishedUrl"];
	        this.due = source["due"];
	        this.dueLabel = source["dueLabel"];
	        this.dueStatus = source["dueStatus"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.version = source["version"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class InterpretationFilter {
	    policyId: number;
	    status: string;
	    form: string;
	    sectionId: number;
	
	    static createFrom(source: any = {}) {
	        return new InterpretationFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.policyId = source["policyId"];
	        this.status = source["status"];
	        this.form = source["form"];
	        this.sectionId = source["sectionId"];
	    }
	}
	
	
	
	export class LoginPage {
	    bureau: string;
	    needsLogin: boolean;
	    demo: boolean;
	    demoAccounts: DemoAccount[];
	    mode: string;
	    canKeep: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LoginPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.bureau = source["bureau"];
	        this.needsLogin = source["needsLogin"];
	        this.demo = source["demo"];
	        this.demoAccounts = this.convertValues(source["demoAccounts"], DemoAccount);
	        this.mode = source["mode"];
	        this.canKeep = source["canKeep"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MailboxSettings {
	    dueDays: Record<string, number>;
	    routeThreshold: number;
	
	    static createFrom(source: any = {}) {
	        return new MailboxSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dueDays = source["dueDays"];
	        this.routeThreshold = source["routeThreshold"];
	    }
	}
	export class StatsRow {
	    key: string;
	    received: number;
	    answered: number;
	    onTime: number;
	    onTimeRate: number;
	    avgWorkdays: number;
	    open: number;
	    overdue: number;
	
	    static createFrom(source: any = {}) {
	        return new StatsRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.received = source["received"];
	        this.answered = source["answered"];
	        this.onTime = source["onTime"];
	        this.onTimeRate = source["onTimeRate"];
	        this.avgWorkdays = source["avgWorkdays"];
	        this.open = source["open"];
	        this.overdue = source["overdue"];
	    }
	}
	export class MailboxStats {
	    from: string;
	    to: string;
	    asOf: string;
	    total: StatsRow;
	    byType: StatsRow[];
	    byTopic: StatsRow[];
	    bySection: StatsRow[];
	    monthly: StatsRow[];
	
	    static createFrom(source: any = {}) {
	        return new MailboxStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.asOf = source["asOf"];
	        this.total = this.convertValues(source["total"], StatsRow);
	        this.byType = this.convertValues(source["byType"], StatsRow);
	        this.byTopic = this.convertValues(source["byTopic"], StatsRow);
	        this.bySection = this.convertValues(source["bySection"], StatsRow);
	        this.monthly = this.convertValues(source["monthly"], StatsRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MaskedItem {
	    kind: string;
	    label: string;
	    original: string;
	    replacement: string;
	
	    static createFrom(source: any = {}) {
	        return new MaskedItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.original = source["original"];
	        this.replacement = source["replacement"];
	    }
	}
	export class TextSpan {
	    start: number;
	    end: number;
	    utf16Start: number;
	    utf16End: number;
	
	    static createFrom(source: any = {}) {
	        return new TextSpan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = source["start"];
	        this.end = source["end"];
	        this.utf16Start = source["utf16Start"];
	        this.utf16End = source["utf16End"];
	    }
	}
	export class MatchedWord {
	    word: string;
	    contribution: number;
	    spans: TextSpan[];
	
	    static createFrom(source: any = {}) {
	        return new MatchedWord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.word = source["word"];
	        this.contribution = source["contribution"];
	        this.spans = this.convertValues(source["spans"], TextSpan);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TopicScore {
	    topicId: string;
	    name: string;
	    section: string;
	    confidence: number;
	    words: MatchedWord[];
	
	    static createFrom(source: any = {}) {
	        return new TopicScore(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.topicId = source["topicId"];
	        this.name = source["name"];
	        this.section = source["section"];
	        this.confidence = source["confidence"];
	        this.words = this.convertValues(source["words"], MatchedWord);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MatchResult {
	    top: TopicScore[];
	
	    static createFrom(source: any = {}) {
	        return new MatchResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.top = this.convertValues(source["top"], TopicScore);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class StopRequest {
	    reason: string;
	    byId: number;
	    byName: string;
	    approverId: number;
	    approverName: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new StopRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reason = source["reason"];
	        this.byId = source["byId"];
	        this.byName = source["byName"];
	        this.approverId = source["approverId"];
	        this.approverName = source["approverName"];
	        this.at = source["at"];
	    }
	}
	export class Message {
	    id: number;
	    externalId: string;
	    channel: string;
	    receivedAt: string;
	    receivedDate: string;
	    senderName: string;
	    senderPhone: string;
	    senderEmail: string;
	    senderAddress: string;
	    subject: string;
	    body: string;
	    type: string;
	    agreePublish: boolean;
	    state: string;
	    topicId: number;
	    topicName: string;
	    topicScore: number;
	    match: MatchResult;
	    sectionId: number;
	    sectionName: string;
	    assigneeId: number;
	    assigneeName: string;
	    dueDate: string;
	    stoppedDays: number;
	    stoppedSince: string;
	    stopRequest: StopRequest;
	    dueStatus: string;
	    dueLabel: string;
	    dueWorkdays: number;
	    replyBody: string;
	    repliedAt: string;
	    repliedById: number;
	    repliedByName: string;
	    onTime: boolean;
	    forwardTo: string;
	    publishedAt: string;
	    publishedSubject: string;
	    publishedText: string;
	    publishedReply: string;
	    attachmentCount: number;
	    createdAt: string;
	    updatedAt: string;
	    version: number;
	    sentAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Message(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.externalId = source["externalId"];
	        this.channel = source["channel"];
	        this.receivedAt = source["receivedAt"];
	        this.receivedDate = source["receivedDate"];
	        this.senderName = source["senderName"];
	        this.senderPhone = source["senderPhone"];
	        this.senderEmail = source["senderEmail"];
	        this.senderAddress = source["senderAddress"];
	        this.subject = source["subject"];
	        this.body = source["body"];
	        this.type = source["type"];
	        this.agreePublish = source["agreePublish"];
	        this.state = source["state"];
	        this.topicId = source["topicId"];
	        this.topicName = source["topicName"];
	        this.topicScore = source["topicScore"];
	        this.match = this.convertValues(source["match"], MatchResult);
	        this.sectionId = source["sectionId"];
	        this.sectionName = source["sectionName"];
	        this.assigneeId = source["assigneeId"];
	        this.assigneeName = source["assigneeName"];
	        this.dueDate = source["dueDate"];
	        this.stoppedDays = source["stoppedDays"];
	        this.stoppedSince = source["stoppedSince"];
	        this.stopRequest = this.convertValues(source["stopRequest"], StopRequest);
	        this.dueStatus = source["dueStatus"];
	        this.dueLabel = source["dueLabel"];
	        this.dueWorkdays = source["dueWorkdays"];
	        this.replyBody = source["replyBody"];
	        this.repliedAt = source["repliedAt"];
	        this.repliedById = source["repliedById"];
	        this.repliedByName = source["repliedByName"];
	        this.onTime = source["onTime"];
	        this.forwardTo = source["forwardTo"];
	        this.publishedAt = source["publishedAt"];
	        this.publishedSubject = source["publishedSubject"];
	        this.publishedText = source["publishedText"];
	        this.publishedReply = source["publishedReply"];
	        this.attachmentCount = source["attachmentCount"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.version = source["version"];
	        this.sentAt = source["sentAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MessageEvent {
	    id: number;
	    kind: string;
	    from: string;
	    to: string;
	    reason: string;
	    approverId: number;
	    approverName: string;
	    personName: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new MessageEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.reason = source["reason"];
	        this.approverId = source["approverId"];
	        this.approverName = source["approverName"];
	        this.personName = source["personName"];
	        this.at = source["at"];
	    }
	}
	export class MessageDetail {
	    message: Message;
	    events: MessageEvent[];
	    attachments: Attachment[];
	    approvals: Approval[];
	
	    static createFrom(source: any = {}) {
	        return new MessageDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.message = this.convertValues(source["message"], Message);
	        this.events = this.convertValues(source["events"], MessageEvent);
	        this.attachments = this.convertValues(source["attachments"], Attachment);
	        this.approvals = this.convertValues(source["approvals"], Approval);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MessageEdit {
	    id: number;
	    senderName: string;
	    senderPhone: string;
	    senderEmail: string;
	    senderAddress: string;
	    subject: string;
	    body: string;
	    type: string;
	    agreePublish: boolean;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new MessageEdit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.senderName = source["senderName"];
	        this.senderPhone = source["senderPhone"];
	        this.senderEmail = source["senderEmail"];
	        this.senderAddress = source["senderAddress"];
	        this.subject = source["subject"];
	        this.body = source["body"];
	        this.type = source["type"];
	        this.agreePublish = source["agreePublish"];
	        this.version = source["version"];
	    }
	}
	
	export class MessageFilter {
	    state: string;
	    sectionId: number;
	    type: string;
	    topicId: number;
	    channel: string;
	    due: string;
	    text: string;
	    from: string;
	    to: string;
	    sort: string;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new MessageFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.sectionId = source["sectionId"];
	        this.type = source["type"];
	        this.topicId = source["topicId"];
	        this.channel = source["channel"];
	        this.due = source["due"];
	        this.text = source["text"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.sort = source["sort"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	}
	export class MessageImportField {
	    key: string;
	    label: string;
	    required: boolean;
	    column: number;
	
	    static createFrom(source: any = {}) {
	        return new MessageImportField(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.required = source["required"];
	        this.column = source["column"];
	    }
	}
	export class MessageInput {
	    externalId: string;
	    channel: string;
	    receivedAt: string;
	    senderName: string;
	    senderPhone: string;
	    senderEmail: string;
	    senderAddress: string;
	    subject: string;
	    body: string;
	    type: string;
	    agreePublish: boolean;
	
	    static createFrom(source: any = {}) {
	        return new MessageInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.externalId = source["externalId"];
	        this.channel = source["channel"];
	        this.receivedAt = source["receivedAt"];
	        this.senderName = source["senderName"];
	        this.senderPhone = source["senderPhone"];
	        this.senderEmail = source["senderEmail"];
	        this.senderAddress = source["senderAddress"];
	        this.subject = source["subject"];
	        this.body = source["body"];
	        this.type = source["type"];
	        this.agreePublish = source["agreePublish"];
	    }
	}
	export class MessageImportRow {
	    row: number;
	    input: MessageInput;
	    duplicate: boolean;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new MessageImportRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.input = this.convertValues(source["input"], MessageInput);
	        this.duplicate = source["duplicate"];
	        this.error = source["error"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MessageImportPreview {
	    fileName: string;
	    encoding: string;
	    sheet: string;
	    headers: string[];
	    fields: MessageImportField[];
	    rows: MessageImportRow[];
	    errors: string[];
	    warnings: string[];
	    total: number;
	    duplicates: number;
	
	    static createFrom(source: any = {}) {
	        return new MessageImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.encoding = source["encoding"];
	        this.sheet = source["sheet"];
	        this.headers = source["headers"];
	        this.fields = this.convertValues(source["fields"], MessageImportField);
	        this.rows = this.convertValues(source["rows"], MessageImportRow);
	        this.errors = source["errors"];
	        this.warnings = source["warnings"];
	        this.total = source["total"];
	        this.duplicates = source["duplicates"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MessageImportResult {
	    batchId: number;
	    total: number;
	    added: number;
	    skipped: number;
	    routed: number;
	    pending: number;
	
	    static createFrom(source: any = {}) {
	        return new MessageImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batchId = source["batchId"];
	        this.total = source["total"];
	        this.added = source["added"];
	        this.skipped = source["skipped"];
	        this.routed = source["routed"];
	        this.pending = source["pending"];
	    }
	}
	
	
	export class MessageListItem {
	    id: number;
	    externalId: string;
	    channel: string;
	    receivedAt: string;
	    senderName: string;
	    subject: string;
	    excerpt: string;
	    type: string;
	    state: string;
	    topicId: number;
	    topicName: string;
	    topicScore: number;
	    sectionId: number;
	    sectionName: string;
	    assigneeName: string;
	    dueDate: string;
	    dueStatus: string;
	    dueLabel: string;
	    dueWorkdays: number;
	
	    static createFrom(source: any = {}) {
	        return new MessageListItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.externalId = source["externalId"];
	        this.channel = source["channel"];
	        this.receivedAt = source["receivedAt"];
	        this.senderName = source["senderName"];
	        this.subject = source["subject"];
	        this.excerpt = source["excerpt"];
	        this.type = source["type"];
	        this.state = source["state"];
	        this.topicId = source["topicId"];
	        this.topicName = source["topicName"];
	        this.topicScore = source["topicScore"];
	        this.sectionId = source["sectionId"];
	        this.sectionName = source["sectionName"];
	        this.assigneeName = source["assigneeName"];
	        this.dueDate = source["dueDate"];
	        this.dueStatus = source["dueStatus"];
	        this.dueLabel = source["dueLabel"];
	        this.dueWorkdays = source["dueWorkdays"];
	    }
	}
	export class MessagePage {
	    total: number;
	    page: number;
	    pageSize: number;
	    items: MessageListItem[];
	    stateCounts: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new MessagePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	        this.items = this.convertValues(source["items"], MessageListItem);
	        this.stateCounts = source["stateCounts"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MonthDay {
	    date: string;
	    weekday: number;
	    workday: boolean;
	    kind: string;
	    name: string;
	    note: string;
	    edited: boolean;
	    inMonth: boolean;
	    today: boolean;
	    deadlines: number;
	
	    static createFrom(source: any = {}) {
	        return new MonthDay(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.weekday = source["weekday"];
	        this.workday = source["workday"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.note = source["note"];
	        this.edited = source["edited"];
	        this.inMonth = source["inMonth"];
	        this.today = source["today"];
	        this.deadlines = source["deadlines"];
	    }
	}
	export class MonthView {
	    year: number;
	    month: number;
	    weeks: MonthDay[][];
	
	    static createFrom(source: any = {}) {
	        return new MonthView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.month = source["month"];
	        this.weeks = this.convertValues(source["weeks"], MonthDay);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NoticeLine {
	    text: string;
	    name: string;
	    restDays: string[];
	    workdays: string[];
	
	    static createFrom(source: any = {}) {
	        return new NoticeLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.name = source["name"];
	        this.restDays = source["restDays"];
	        this.workdays = source["workdays"];
	    }
	}
	export class NoticePreview {
	    year: number;
	    title: string;
	    docNumber: string;
	    lines: NoticeLine[];
	    warnings: string[];
	    changes: DayChange[];
	    replaces: boolean;
	    restDays: number;
	    workdays: number;
	
	    static createFrom(source: any = {}) {
	        return new NoticePreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.title = source["title"];
	        this.docNumber = source["docNumber"];
	        this.lines = this.convertValues(source["lines"], NoticeLine);
	        this.warnings = source["warnings"];
	        this.changes = this.convertValues(source["changes"], DayChange);
	        this.replaces = source["replaces"];
	        this.restDays = source["restDays"];
	        this.workdays = source["workdays"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Option {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class PeriodChange {
	    consultationId: number;
	    newClose: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new PeriodChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.consultationId = source["consultationId"];
	        this.newClose = source["newClose"];
	        this.reason = source["reason"];
	    }
	}
	export class PeriodCheck {
	    openDate: string;
	    closeDate: string;
	    earliestClose: string;
	    naturalDays: number;
	    short: boolean;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new PeriodCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.openDate = source["openDate"];
	        this.closeDate = source["closeDate"];
	        this.earliestClose = source["earliestClose"];
	        this.naturalDays = source["naturalDays"];
	        this.short = source["short"];
	        this.message = source["message"];
	    }
	}
	export class Person {
	    id: number;
	    name: string;
	    sectionId: number;
	    sectionName: string;
	    title: string;
	    role: string;
	    phone: string;
	    email: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Person(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.sectionId = source["sectionId"];
	        this.sectionName = source["sectionName"];
	        this.title = source["title"];
	        this.role = source["role"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	        this.active = source["active"];
	    }
	}
	export class Policy {
	    id: number;
	    title: string;
	    docNumber: string;
	    category: string;
	    sectionId: number;
	    sectionName: string;
	    drafterId: number;
	    drafterName: string;
	    disclosure: string;
	    disclosureBasis: string;
	    enterpriseRelated: boolean;
	    status: string;
	    publishedDate: string;
	    publishedUrl: string;
	    versionCount: number;
	    consultations: number;
	    createdAt: string;
	    updatedAt: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Policy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.docNumber = source["docNumber"];
	        this.category = source["category"];
	        this.sectionId = source["sectionId"];
	        this.sectionName = source["sectionName"];
	        this.drafterId = source["drafterId"];
	        this.drafterName = source["drafterName"];
	        this.disclosure = source["disclosure"];
	        this.disclosureBasis = source["disclosureBasis"];
	        this.enterpriseRelated = source["enterpriseRelated"];
	        this.status = source["status"];
	        this.publishedDate = source["publishedDate"];
	        this.publishedUrl = source["publishedUrl"];
	        this.versionCount = source["versionCount"];
	        this.consultations = source["consultations"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.version = source["version"];
	    }
	}
	export class PolicyVersion {
	    id: number;
	    policyId: number;
	    kind: string;
	    versionDate: string;
	    fileName: string;
	    format: string;
	    encoding: string;
	    body: string;
	    clauseCount: number;
	    warnings: string[];
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new PolicyVersion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.policyId = source["policyId"];
	        this.kind = source["kind"];
	        this.versionDate = source["versionDate"];
	        this.fileName = source["fileName"];
	        this.format = source["format"];
	        this.encoding = source["encoding"];
	        this.body = source["body"];
	        this.clauseCount = source["clauseCount"];
	        this.warnings = source["warnings"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class PolicyDetail {
	    policy: Policy;
	    versions: PolicyVersion[];
	    consultations: Consultation[];
	    nextStatuses: string[];
	
	    static createFrom(source: any = {}) {
	        return new PolicyDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.policy = this.convertValues(source["policy"], Policy);
	        this.versions = this.convertValues(source["versions"], PolicyVersion);
	        this.consultations = this.convertValues(source["consultations"], Consultation);
	        this.nextStatuses = source["nextStatuses"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class PolicyFilter {
	    status: string;
	    category: string;
	    sectionId: number;
	    query: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new PolicyFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.category = source["category"];
	        this.sectionId = source["sectionId"];
	        this.query = source["query"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class PolicyPage {
	    total: number;
	    policies: Policy[];
	
	    static createFrom(source: any = {}) {
	        return new PolicyPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.policies = this.convertValues(source["policies"], Policy);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PolicyStatusChange {
	    policyId: number;
	    status: string;
	    publishedDate: string;
	    publishedUrl: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new PolicyStatusChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.policyId = source["policyId"];
	        this.status = source["status"];
	        this.publishedDate = source["publishedDate"];
	        this.publishedUrl = source["publishedUrl"];
	        this.reason = source["reason"];
	    }
	}
	
	export class PrepubFinding {
	    kind: string;
	    label: string;
	    match: string;
	    context: string;
	    severity: string;
	    start: number;
	    end: number;
	    resolution: string;
	    reason: string;
	    personName: string;
	    resolvedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new PrepubFinding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.match = source["match"];
	        this.context = source["context"];
	        this.severity = source["severity"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.resolution = source["resolution"];
	        this.reason = source["reason"];
	        this.personName = source["personName"];
	        this.resolvedAt = source["resolvedAt"];
	    }
	}
	export class PrepubReport {
	    subjectType: string;
	    subjectId: number;
	    text: string;
	    findings: PrepubFinding[];
	    fixed: PrepubFinding[];
	    clear: boolean;
	    checkedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new PrepubReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subjectType = source["subjectType"];
	        this.subjectId = source["subjectId"];
	        this.text = source["text"];
	        this.findings = this.convertValues(source["findings"], PrepubFinding);
	        this.fixed = this.convertValues(source["fixed"], PrepubFinding);
	        this.clear = source["clear"];
	        this.checkedAt = source["checkedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Publication {
	    id: number;
	    publishedDate: string;
	    publishedUrl: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Publication(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.publishedDate = source["publishedDate"];
	        this.publishedUrl = source["publishedUrl"];
	        this.reason = source["reason"];
	    }
	}
	export class PublicationPreview {
	    messageId: number;
	    subject: string;
	    message: string;
	    reply: string;
	    messageItems: MaskedItem[];
	    replyItems: MaskedItem[];
	    problems: string[];
	    canPublish: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PublicationPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.messageId = source["messageId"];
	        this.subject = source["subject"];
	        this.message = source["message"];
	        this.reply = source["reply"];
	        this.messageItems = this.convertValues(source["messageItems"], MaskedItem);
	        this.replyItems = this.convertValues(source["replyItems"], MaskedItem);
	        this.problems = source["problems"];
	        this.canPublish = source["canPublish"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class QuestionSuggestion {
	    question: string;
	    answer: string;
	    source: string;
	    clause: string;
	    reason: string;
	    messageIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new QuestionSuggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.question = source["question"];
	        this.answer = source["answer"];
	        this.source = source["source"];
	        this.clause = source["clause"];
	        this.reason = source["reason"];
	        this.messageIds = source["messageIds"];
	    }
	}
	export class RelatedDocument {
	    kind: string;
	    id: number;
	    title: string;
	    docNumber: string;
	    publishedDate: string;
	    form: string;
	    policyId: number;
	    policyTitle: string;
	    snippet: string;
	    words: string[];
	    score: number;
	    citation: string;
	
	    static createFrom(source: any = {}) {
	        return new RelatedDocument(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.title = source["title"];
	        this.docNumber = source["docNumber"];
	        this.publishedDate = source["publishedDate"];
	        this.form = source["form"];
	        this.policyId = source["policyId"];
	        this.policyTitle = source["policyTitle"];
	        this.snippet = source["snippet"];
	        this.words = source["words"];
	        this.score = source["score"];
	        this.citation = source["citation"];
	    }
	}
	export class RemoteProbe {
	    address: string;
	    fingerprint: string;
	    subject: string;
	    issuer: string;
	    notAfter: string;
	    bureau: string;
	
	    static createFrom(source: any = {}) {
	        return new RemoteProbe(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.address = source["address"];
	        this.fingerprint = source["fingerprint"];
	        this.subject = source["subject"];
	        this.issuer = source["issuer"];
	        this.notAfter = source["notAfter"];
	        this.bureau = source["bureau"];
	    }
	}
	export class RemoteStatus {
	    address: string;
	    fingerprint: string;
	    connected: boolean;
	    lastError: string;
	
	    static createFrom(source: any = {}) {
	        return new RemoteStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.address = source["address"];
	        this.fingerprint = source["fingerprint"];
	        this.connected = source["connected"];
	        this.lastError = source["lastError"];
	    }
	}
	export class RenderedReply {
	    body: string;
	    missing: string[];
	
	    static createFrom(source: any = {}) {
	        return new RenderedReply(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.body = source["body"];
	        this.missing = source["missing"];
	    }
	}
	export class ReplySubmission {
	    messageId: number;
	    body: string;
	    approverId: number;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new ReplySubmission(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.messageId = source["messageId"];
	        this.body = source["body"];
	        this.approverId = source["approverId"];
	        this.version = source["version"];
	    }
	}
	export class ReplyTemplate {
	    id: number;
	    name: string;
	    type: string;
	    body: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new ReplyTemplate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.type = source["type"];
	        this.body = source["body"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	
	export class ReportPublication {
	    consultationId: number;
	    publishedDate: string;
	    publishedUrl: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportPublication(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.consultationId = source["consultationId"];
	        this.publishedDate = source["publishedDate"];
	        this.publishedUrl = source["publishedUrl"];
	    }
	}
	export class RerouteInput {
	    messageId: number;
	    topicId: number;
	    sectionId: number;
	    assigneeId: number;
	    reason: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new RerouteInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.messageId = source["messageId"];
	        this.topicId = source["topicId"];
	        this.sectionId = source["sectionId"];
	        this.assigneeId = source["assigneeId"];
	        this.reason = source["reason"];
	        this.version = source["version"];
	    }
	}
	export class RestoreResult {
	    restored: BackupInfo;
	    safetyCopy: BackupInfo;
	
	    static createFrom(source: any = {}) {
	        return new RestoreResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.restored = this.convertValues(source["restored"], BackupInfo);
	        this.safetyCopy = this.convertValues(source["safetyCopy"], BackupInfo);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RoutingTopicEval {
	    topic: string;
	    precision: number;
	    recall: number;
	    f1: number;
	    support: number;
	
	    static createFrom(source: any = {}) {
	        return new RoutingTopicEval(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.topic = source["topic"];
	        this.precision = source["precision"];
	        this.recall = source["recall"];
	        this.f1 = source["f1"];
	        this.support = source["support"];
	    }
	}
	export class RoutingEvaluation {
	    at: string;
	    folds: number;
	    examples: number;
	    accuracy: number;
	    macroF1: number;
	    macroF1All: number;
	    minSupport: number;
	    scored: number;
	    msgsPerSec: number;
	    seconds: number;
	    labels: string[];
	    confusion: number[][];
	    perTopic: RoutingTopicEval[];
	    foldMacroF1: number[];
	
	    static createFrom(source: any = {}) {
	        return new RoutingEvaluation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.folds = source["folds"];
	        this.examples = source["examples"];
	        this.accuracy = source["accuracy"];
	        this.macroF1 = source["macroF1"];
	        this.macroF1All = source["macroF1All"];
	        this.minSupport = source["minSupport"];
	        this.scored = source["scored"];
	        this.msgsPerSec = source["msgsPerSec"];
	        this.seconds = source["seconds"];
	        this.labels = source["labels"];
	        this.confusion = source["confusion"];
	        this.perTopic = this.convertValues(source["perTopic"], RoutingTopicEval);
	        this.foldMacroF1 = source["foldMacroF1"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RoutingHistory {
	    total: number;
	    imported: number;
	    decisions: number;
	    byTopic: RoutingTopicCount[];
	    newSinceModel: number;
	
	    static createFrom(source: any = {}) {
	        return new RoutingHistory(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.imported = source["imported"];
	        this.decisions = source["decisions"];
	        this.byTopic = this.convertValues(source["byTopic"], RoutingTopicCount);
	        this.newSinceModel = source["newSinceModel"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RoutingJob {
	    kind: string;
	    running: boolean;
	    stage: string;
	    done: number;
	    total: number;
	    startedAt: string;
	    endedAt: string;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new RoutingJob(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.running = source["running"];
	        this.stage = source["stage"];
	        this.done = source["done"];
	        this.total = source["total"];
	        this.startedAt = source["startedAt"];
	        this.endedAt = source["endedAt"];
	        this.error = source["error"];
	    }
	}
	export class RoutingModelInfo {
	    trained: boolean;
	    trainedAt: string;
	    examples: number;
	    topics: number;
	    sizeBytes: number;
	    seconds: number;
	
	    static createFrom(source: any = {}) {
	        return new RoutingModelInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.trained = source["trained"];
	        this.trainedAt = source["trainedAt"];
	        this.examples = source["examples"];
	        this.topics = source["topics"];
	        this.sizeBytes = source["sizeBytes"];
	        this.seconds = source["seconds"];
	    }
	}
	
	
	
	export class Section {
	    id: number;
	    name: string;
	    headId: number;
	    headName: string;
	    leaderId: number;
	    leaderName: string;
	    phone: string;
	    duties: string;
	    sortOrder: number;
	    active: boolean;
	    peopleCount: number;
	
	    static createFrom(source: any = {}) {
	        return new Section(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.headId = source["headId"];
	        this.headName = source["headName"];
	        this.leaderId = source["leaderId"];
	        this.leaderName = source["leaderName"];
	        this.phone = source["phone"];
	        this.duties = source["duties"];
	        this.sortOrder = source["sortOrder"];
	        this.active = source["active"];
	        this.peopleCount = source["peopleCount"];
	    }
	}
	export class Session {
	    personId: number;
	    login: string;
	    name: string;
	    role: string;
	    sectionId: number;
	    sectionName: string;
	    title: string;
	    admin: boolean;
	    mustChangePassword: boolean;
	    csrfToken: string;
	    confirmedAt: string;
	    mode: string;
	    demo: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Session(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.login = source["login"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.sectionId = source["sectionId"];
	        this.sectionName = source["sectionName"];
	        this.title = source["title"];
	        this.admin = source["admin"];
	        this.mustChangePassword = source["mustChangePassword"];
	        this.csrfToken = source["csrfToken"];
	        this.confirmedAt = source["confirmedAt"];
	        this.mode = source["mode"];
	        this.demo = source["demo"];
	    }
	}
	export class SignoffApproval {
	    id: number;
	    subjectType: string;
	    subjectId: number;
	    round: number;
	    stepOrder: number;
	    stepName: string;
	    personId: number;
	    personName: string;
	    decision: string;
	    opinion: string;
	    actedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new SignoffApproval(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.subjectType = source["subjectType"];
	        this.subjectId = source["subjectId"];
	        this.round = source["round"];
	        this.stepOrder = source["stepOrder"];
	        this.stepName = source["stepName"];
	        this.personId = source["personId"];
	        this.personName = source["personName"];
	        this.decision = source["decision"];
	        this.opinion = source["opinion"];
	        this.actedAt = source["actedAt"];
	    }
	}
	export class Signoff {
	    subjectType: string;
	    subjectId: number;
	    round: number;
	    steps: SignoffApproval[];
	    history: SignoffApproval[];
	    current: string;
	    complete: boolean;
	    returned: boolean;
	    completedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Signoff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subjectType = source["subjectType"];
	        this.subjectId = source["subjectId"];
	        this.round = source["round"];
	        this.steps = this.convertValues(source["steps"], SignoffApproval);
	        this.history = this.convertValues(source["history"], SignoffApproval);
	        this.current = source["current"];
	        this.complete = source["complete"];
	        this.returned = source["returned"];
	        this.completedAt = source["completedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SignoffAction {
	    subjectType: string;
	    subjectId: number;
	    decision: string;
	    opinion: string;
	
	    static createFrom(source: any = {}) {
	        return new SignoffAction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subjectType = source["subjectType"];
	        this.subjectId = source["subjectId"];
	        this.decision = source["decision"];
	        this.opinion = source["opinion"];
	    }
	}
	
	export class SignoffStep {
	    order: number;
	    name: string;
	    rule: string;
	    personId: number;
	    personName: string;
	
	    static createFrom(source: any = {}) {
	        return new SignoffStep(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.order = source["order"];
	        this.name = source["name"];
	        this.rule = source["rule"];
	        this.personId = source["personId"];
	        this.personName = source["personName"];
	    }
	}
	export class SimilarMessage {
	    id: number;
	    subject: string;
	    excerpt: string;
	    reply: string;
	    repliedAt: string;
	    topicName: string;
	    score: number;
	
	    static createFrom(source: any = {}) {
	        return new SimilarMessage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.subject = source["subject"];
	        this.excerpt = source["excerpt"];
	        this.reply = source["reply"];
	        this.repliedAt = source["repliedAt"];
	        this.topicName = source["topicName"];
	        this.score = source["score"];
	    }
	}
	
	
	export class SyncRow {
	    kind: string;
	    id: number;
	    title: string;
	    form: string;
	    status: string;
	    drafted: string;
	    approved: string;
	    published: string;
	    publishedUrl: string;
	    due: string;
	    dueLabel: string;
	    dueStatus: string;
	    sectionName: string;
	    sectionReason: string;
	    disclosure: string;
	    disclosureBasis: string;
	
	    static createFrom(source: any = {}) {
	        return new SyncRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.title = source["title"];
	        this.form = source["form"];
	        this.status = source["status"];
	        this.drafted = source["drafted"];
	        this.approved = source["approved"];
	        this.published = source["published"];
	        this.publishedUrl = source["publishedUrl"];
	        this.due = source["due"];
	        this.dueLabel = source["dueLabel"];
	        this.dueStatus = source["dueStatus"];
	        this.sectionName = source["sectionName"];
	        this.sectionReason = source["sectionReason"];
	        this.disclosure = source["disclosure"];
	        this.disclosureBasis = source["disclosureBasis"];
	    }
	}
	export class SyncPanel {
	    policy: SyncRow;
	    interpretations: SyncRow[];
	    exemptions: Exemption[];
	    draftOk: boolean;
	    approvalOk: boolean;
	    publishOk: boolean;
	    problems: string[];
	
	    static createFrom(source: any = {}) {
	        return new SyncPanel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.policy = this.convertValues(source["policy"], SyncRow);
	        this.interpretations = this.convertValues(source["interpretations"], SyncRow);
	        this.exemptions = this.convertValues(source["exemptions"], Exemption);
	        this.draftOk = source["draftOk"];
	        this.approvalOk = source["approvalOk"];
	        this.publishOk = source["publishOk"];
	        this.problems = source["problems"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class TodayInfo {
	    date: string;
	    weekdayName: string;
	    workday: boolean;
	    kind: string;
	    name: string;
	    due3: string;
	    due3Weekday: string;
	    nextHolidays: HolidaySpan[];
	    yearCovered: boolean;
	    nextCovered: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TodayInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.weekdayName = source["weekdayName"];
	        this.workday = source["workday"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.due3 = source["due3"];
	        this.due3Weekday = source["due3Weekday"];
	        this.nextHolidays = this.convertValues(source["nextHolidays"], HolidaySpan);
	        this.yearCovered = source["yearCovered"];
	        this.nextCovered = source["nextCovered"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TopicKeyword {
	    word: string;
	    weight: number;
	
	    static createFrom(source: any = {}) {
	        return new TopicKeyword(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.word = source["word"];
	        this.weight = source["weight"];
	    }
	}
	export class TopicRecord {
	    id: number;
	    name: string;
	    sectionId: number;
	    sectionName: string;
	    description: string;
	    keywords: TopicKeyword[];
	    examples: string[];
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TopicRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.sectionId = source["sectionId"];
	        this.sectionName = source["sectionName"];
	        this.description = source["description"];
	        this.keywords = this.convertValues(source["keywords"], TopicKeyword);
	        this.examples = source["examples"];
	        this.active = source["active"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class UserWord {
	    word: string;
	    freq: number;
	    tag: string;
	
	    static createFrom(source: any = {}) {
	        return new UserWord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.word = source["word"];
	        this.freq = source["freq"];
	        this.tag = source["tag"];
	    }
	}

}

