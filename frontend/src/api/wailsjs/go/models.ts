export namespace app {
	
	export class SystemInfo {
	    version: string;
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
	export class Section {
	    id: number;
	    name: string;
	    headId: number;
	    headName: string;
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
	        this.phone = source["phone"];
	        this.duties = source["duties"];
	        this.sortOrder = source["sortOrder"];
	        this.active = source["active"];
	        this.peopleCount = source["peopleCount"];
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

}

