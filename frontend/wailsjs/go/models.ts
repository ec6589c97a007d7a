export namespace app {
	
	export interface ConsultationOptions {
	    channels: string[];
	    commenterCategories: string[];
	    decisions: string[];
	    statuses: string[];
	    minCommentDays: number;
	}
	export interface DisclosureOptions {
	    channels: string[];
	    applicantTypes: string[];
	    outcomes: string[];
	    answerMethods: string[];
	    letters: string[];
	    remedyKinds: string[];
	    remedyResults: string[];
	    opinionResults: string[];
	    feeBases: string[];
	    noteKinds: string[];
	}
	export interface ExportedFile {
	    kind: string;
	    name: string;
	    path: string;
	}
	export interface FileFilter {
	    displayName: string;
	    pattern: string;
	}
	export interface InterpretationOptions {
	    forms: string[];
	    statuses: string[];
	    textHeadings: string[];
	    blockKinds: core.Option[];
	    mediaKinds: string[];
	    decisions: string[];
	    lagWorkdays: number;
	    exemptionRule: string;
	    signerRules: core.Option[];
	}
	export interface MailboxOptions {
	    states: string[];
	    types: string[];
	    channels: string[];
	    templateFields: string[];
	}
	export interface PackageResult {
	    dir: string;
	    files: ExportedFile[];
	    skipped: string[];
	}
	export interface PolicyOptions {
	    categories: string[];
	    statuses: string[];
	    disclosureTypes: string[];
	    versionKinds: string[];
	}
	export interface RecoveryStatus {
	    ok: boolean;
	    problem: string;
	    dbPath: string;
	    backups: core.BackupInfo[];
	}
	export interface RegisterSample {
	    no: string;
	    received: string;
	    applicant: string;
	    applicantType: string;
	    outcome: string;
	    answered: string;
	}
	export interface RegisterPreview {
	    fileName: string;
	    rows: number;
	    answered: number;
	    open: number;
	    from: string;
	    to: string;
	    errors: string[];
	    sample: RegisterSample[];
	}
	
	export interface SystemInfo {
	    version: string;
	    commit: string;
	    dataDir: string;
	    dbPath: string;
	    backupDir: string;
	    exportDir: string;
	    logDir: string;
	    schemaVersion: number;
	    startedAt: string;
	    now: string;
	    fixedClock: boolean;
	}

}

export namespace core {
	
	export interface Account {
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
	}
	export interface AnnualEdits {
	    year: number;
	    licensing: string;
	    penalty: string;
	    enforcement: string;
	    feesWan: string;
	    source: string;
	    overview: string;
	    publishedDate: string;
	    publishedUrl: string;
	    updatedAt: string;
	    carryOver: string[];
	    carrySource: string;
	    signoffState: string;
	}
	export interface FormCount {
	    form: string;
	    count: number;
	}
	export interface DocumentCounts {
	    issued: number;
	    repealed: number;
	    inForce: number;
	}
	export interface Bureau {
	    name: string;
	    shortName: string;
	    address: string;
	    phone: string;
	    website: string;
	    updatedAt: string;
	    updatedBy: string;
	}
	export interface AnnualFacts {
	    year: number;
	    bureau: Bureau;
	    rules: DocumentCounts;
	    normative: DocumentCounts;
	    published: number;
	    interpretations: FormCount[];
	    consultations: number;
	    comments: number;
	    adopted: number;
	    messages: number;
	    answered: number;
	    answeredOnTime: number;
	    feeNotices: number;
	    feesPaid: number;
	    feeYuan: number;
	}
	export interface DisclosureTable4 {
	    year: number;
	    groups: string[];
	    results: string[];
	    cells: number[][];
	}
	export interface DisclosureTable {
	    year: number;
	    bureau: string;
	    columns: string[];
	    labels: string[];
	    cells: number[][];
	    check: string;
	    onTime: number;
	    late: number;
	    carrySource: string;
	}
	export interface AnnualSection {
	    title: string;
	    paragraphs: string[];
	}
	export interface AnnualReport {
	    year: number;
	    title: string;
	    intro: string;
	    sections: AnnualSection[];
	    facts: AnnualFacts;
	    table3: DisclosureTable;
	    table4: DisclosureTable4;
	    due: string;
	    edits: AnnualEdits;
	}
	
	export interface Approval {
	    id: number;
	    round: number;
	    stepName: string;
	    personId: number;
	    personName: string;
	    decision: string;
	    opinion: string;
	    actedAt: string;
	}
	export interface Attachment {
	    id: number;
	    fileName: string;
	    mimeType: string;
	    size: number;
	    sha256: string;
	}
	export interface AuditCheck {
	    ok: boolean;
	    entries: number;
	    firstBrokenId: number;
	    problem: string;
	}
	export interface AuditEntry {
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
	}
	export interface AuditFilter {
	    personName: string;
	    entity: string;
	    entityId: string;
	    from: string;
	    to: string;
	    limit: number;
	    offset: number;
	}
	export interface AuditPage {
	    total: number;
	    entries: AuditEntry[];
	}
	export interface BackupInfo {
	    name: string;
	    path: string;
	    size: number;
	    createdAt: string;
	    reason: string;
	    reasonLabel: string;
	    schemaVersion: number;
	}
	export interface BulkAssignInput {
	    messageIds: number[];
	    sectionId: number;
	    assigneeId: number;
	    reason: string;
	}
	
	export interface CalendarDay {
	    date: string;
	    weekday: number;
	    workday: boolean;
	    kind: string;
	    name: string;
	    note: string;
	    edited: boolean;
	}
	export interface CalendarDayEdit {
	    date: string;
	    kind: string;
	    name: string;
	    note: string;
	}
	export interface CalendarYear {
	    year: number;
	    covered: boolean;
	    source: string;
	    sourceUrl: string;
	    updatedAt: string;
	    updatedBy: string;
	    days: CalendarDay[];
	}
	export interface CalendarYearInfo {
	    year: number;
	    source: string;
	    sourceUrl: string;
	    restDays: number;
	    makeupWorkdays: number;
	    editedDays: number;
	    updatedAt: string;
	    updatedBy: string;
	}
	export interface Clause {
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
	}
	export interface ClauseSummary {
	    path: string;
	    heading: string;
	    total: number;
	    adopted: number;
	    partly: number;
	    rejected: number;
	    outOfScope: number;
	    undecided: number;
	}
	export interface ClockStopDecision {
	    messageId: number;
	    approve: boolean;
	    opinion: string;
	}
	export interface ClockStopInput {
	    messageId: number;
	    reason: string;
	    approverId: number;
	}
	export interface Comment {
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
	}
	export interface CommentFilter {
	    consultationId: number;
	    decision: string;
	    category: string;
	    channel: string;
	    clause: string;
	    groupId: number;
	    query: string;
	    limit: number;
	    offset: number;
	}
	export interface CommentGroup {
	    id: number;
	    consultationId: number;
	    representativeId: number;
	    representative: Comment;
	    count: number;
	    similarity: number;
	    manual: boolean;
	    decision: string;
	    members: Comment[];
	}
	export interface CommentPage {
	    total: number;
	    comments: Comment[];
	}
	export interface Consultation {
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
	    reportDue: string;
	    reportStatus: string;
	    reportLabel: string;
	    reportUrl: string;
	    createdAt: string;
	    updatedAt: string;
	    version: number;
	}
	export interface ConsultationNotice {
	    id: number;
	    consultationId: number;
	    kind: string;
	    noticeDate: string;
	    oldClose: string;
	    newClose: string;
	    reason: string;
	    createdAt: string;
	    createdBy: string;
	}
	export interface ConsultationDetail {
	    consultation: Consultation;
	    notices: ConsultationNotice[];
	    clauses: Clause[];
	}
	export interface ConsultationFilter {
	    policyId: number;
	    status: string;
	    query: string;
	    limit: number;
	    offset: number;
	}
	
	export interface ConsultationPage {
	    total: number;
	    consultations: Consultation[];
	}
	export interface CountRow {
	    label: string;
	    count: number;
	}
	export interface CurrentUser {
	    personId: number;
	    name: string;
	    sectionId: number;
	    sectionName: string;
	    role: string;
	    title: string;
	    set: boolean;
	}
	export interface DayChange {
	    date: string;
	    before: string;
	    after: string;
	    name: string;
	}
	export interface Deadline {
	    module: string;
	    kind: string;
	    title: string;
	    detail: string;
	    due: string;
	    status: string;
	    label: string;
	    workdays: number;
	    link: string;
	    personId: number;
	    sectionId: number;
	    setup: boolean;
	}
	export interface Decision {
	    commentId: number;
	    groupId: number;
	    decision: string;
	    reason: string;
	    response: string;
	}
	export interface DemoAccount {
	    login: string;
	    password: string;
	    name: string;
	    role: string;
	    roleLabel: string;
	    sectionName: string;
	}
	export interface DictionaryWord {
	    word: string;
	    freq: number;
	    tag: string;
	    builtin: boolean;
	    createdAt: string;
	}
	export interface DisclosureAnswer {
	    id: number;
	    outcome: number;
	    date: string;
	    method: string;
	    ref: string;
	    text: string;
	}
	export interface DisclosureRemedy {
	    id: number;
	    requestId: number;
	    kind: string;
	    filed: string;
	    forum: string;
	    result: string;
	    decided: string;
	    note: string;
	}
	export interface DisclosureEvent {
	    id: number;
	    kind: string;
	    date: string;
	    note: string;
	    actorName: string;
	    createdAt: string;
	}
	export interface DisclosurePause {
	    id: number;
	    requestId: number;
	    kind: string;
	    party: string;
	    started: string;
	    due: string;
	    ended: string;
	    result: string;
	    feeBasis: string;
	    feeCount: number;
	    feeBefore: number;
	    feeAmount: number;
	    note: string;
	}
	export interface DisclosureRequest {
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
	    draftOutcome: number;
	    draftLabel: string;
	    draftText: string;
	    signoffState: string;
	    pauses: DisclosurePause[];
	    due: string;
	    status: string;
	    countdownStatus: string;
	    countdownLabel: string;
	    workdays: number;
	    updatedAt: string;
	}
	export interface DisclosureDetail {
	    request: DisclosureRequest;
	    events: DisclosureEvent[];
	    remedies: DisclosureRemedy[];
	}
	
	export interface DisclosureFilter {
	    year: number;
	    status: string;
	    query: string;
	    offset: number;
	    limit: number;
	}
	export interface DisclosureIntake {
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
	}
	export interface DisclosurePage {
	    total: number;
	    requests: DisclosureRequest[];
	}
	
	export interface DisclosurePauseInput {
	    requestId: number;
	    date: string;
	    party: string;
	    result: string;
	    feeBasis: string;
	    feeCount: number;
	    note: string;
	}
	
	
	
	
	
	export interface DueResult {
	    from: string;
	    workdays: number;
	    due: string;
	    dueWeekday: string;
	    naturalDays: number;
	}
	export interface PolicyFact {
	    kind: string;
	    label: string;
	    text: string;
	    clause: string;
	    start: number;
	    end: number;
	}
	export interface Keyword {
	    word: string;
	    weight: number;
	}
	export interface EditorHelp {
	    policyId: number;
	    versionId: number;
	    versionKind: string;
	    headings: string[];
	    clauses: Clause[];
	    keywords: Keyword[];
	    facts: PolicyFact[];
	}
	export interface LabeledMessage {
	    subject: string;
	    body: string;
	    label: string;
	}
	export interface RoutingTopicCount {
	    topicId: number;
	    topicName: string;
	    count: number;
	}
	export interface ExampleImportPreview {
	    fileName: string;
	    rows: number;
	    byLabel: RoutingTopicCount[];
	    unknownLabels: string[];
	    duplicates: number;
	    samples: LabeledMessage[];
	}
	export interface ExampleImportResult {
	    added: number;
	    duplicates: number;
	    createdTopics: string[];
	}
	export interface Exemption {
	    id: number;
	    subjectType: string;
	    subjectId: number;
	    rule: string;
	    reason: string;
	    personName: string;
	    createdAt: string;
	}
	export interface ExemptionInput {
	    subjectType: string;
	    subjectId: number;
	    rule: string;
	    reason: string;
	}
	export interface ExtensionDecision {
	    messageId: number;
	    approve: boolean;
	    opinion: string;
	}
	export interface ExtensionInput {
	    messageId: number;
	    days: number;
	    reason: string;
	    approverId: number;
	}
	export interface ExtensionRequest {
	    days: number;
	    reason: string;
	    byId: number;
	    byName: string;
	    approverId: number;
	    approverName: string;
	    at: string;
	}
	export interface ReportItem {
	    clauses: string[];
	    summary: string;
	    count: number;
	    category: string;
	    decision: string;
	    reason: string;
	    response: string;
	}
	export interface FeedbackReport {
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
	}
	export interface FindingAck {
	    subjectType: string;
	    subjectId: number;
	    kind: string;
	    match: string;
	    reason: string;
	}
	export interface FlowStep {
	    title: string;
	    text: string;
	}
	
	export interface ForwardInput {
	    messageId: number;
	    forwardTo: string;
	    reply: string;
	    approverId: number;
	    version: number;
	    lateNote: string;
	}
	export interface QAPair {
	    question: string;
	    answer: string;
	}
	export interface KeyFigure {
	    value: string;
	    unit: string;
	    label: string;
	}
	export interface GraphicBlock {
	    kind: string;
	    title: string;
	    text: string;
	    figures: KeyFigure[];
	    steps: FlowStep[];
	    items: string[];
	    qa: QAPair[];
	    issuer: string;
	    date: string;
	}
	export interface Graphic {
	    blocks: GraphicBlock[];
	}
	
	export interface GroupMerge {
	    consultationId: number;
	    groupIds: number[];
	    commentIds: number[];
	}
	export interface GroupingResult {
	    comments: number;
	    groups: number;
	    duplicates: number;
	    list: CommentGroup[];
	}
	export interface HolidaySpan {
	    name: string;
	    start: string;
	    end: string;
	    days: number;
	    makeupWorkdays: string[];
	}
	export interface IMAPConfig {
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
	}
	export interface ImportField {
	    key: string;
	    label: string;
	    required: boolean;
	}
	export interface RowError {
	    row: number;
	    field: string;
	    message: string;
	}
	export interface ImportRow {
	    row: number;
	    receivedDate: string;
	    channel: string;
	    commenter: string;
	    category: string;
	    contact: string;
	    body: string;
	    clauses: string[];
	}
	export interface ImportPreview {
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
	}
	export interface ImportRequest {
	    consultationId: number;
	    fileName: string;
	    mapping: Record<string, number>;
	    defaultDate: string;
	    defaultChannel: string;
	}
	export interface ImportResult {
	    batchId: number;
	    fileName: string;
	    added: number;
	    grouping: GroupingResult;
	    warnings: RowError[];
	}
	
	export interface MediaRef {
	    name: string;
	    location: string;
	    kind: string;
	}
	export interface Media {
	    speaker: string;
	    speakerTitle: string;
	    occasion: string;
	    heldAt: string;
	    transcript: string;
	    files: MediaRef[];
	}
	export interface TextSection {
	    heading: string;
	    text: string;
	}
	export interface Interpretation {
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
	}
	export interface InterpretationFilter {
	    policyId: number;
	    status: string;
	    form: string;
	    sectionId: number;
	}
	
	
	
	export interface LetterTemplate {
	    kind: string;
	    body: string;
	    builtin: string;
	    edited: boolean;
	    placeholders: string[];
	    updatedAt: string;
	    updatedBy: string;
	}
	export interface LoginPage {
	    bureau: string;
	    needsLogin: boolean;
	    demo: boolean;
	    demoAccounts: DemoAccount[];
	    mode: string;
	    canKeep: boolean;
	    preparing: boolean;
	}
	export interface MailboxSettings {
	    dueDays: Record<string, number>;
	    routeThreshold: number;
	}
	export interface StatsRow {
	    key: string;
	    received: number;
	    answered: number;
	    onTime: number;
	    onTimeRate: number;
	    avgWorkdays: number;
	    open: number;
	    overdue: number;
	}
	export interface MailboxStats {
	    from: string;
	    to: string;
	    asOf: string;
	    total: StatsRow;
	    byType: StatsRow[];
	    byTopic: StatsRow[];
	    bySection: StatsRow[];
	    monthly: StatsRow[];
	}
	export interface MaskKeep {
	    id: number;
	    messageId: number;
	    original: string;
	    kind: string;
	    label: string;
	    reason: string;
	    personName: string;
	    at: string;
	}
	export interface MaskKeepInput {
	    messageId: number;
	    original: string;
	    reason: string;
	}
	export interface MaskedItem {
	    kind: string;
	    label: string;
	    original: string;
	    replacement: string;
	}
	export interface TextSpan {
	    start: number;
	    end: number;
	    utf16Start: number;
	    utf16End: number;
	}
	export interface MatchedWord {
	    word: string;
	    contribution: number;
	    spans: TextSpan[];
	}
	export interface TopicScore {
	    topicId: string;
	    name: string;
	    section: string;
	    confidence: number;
	    words: MatchedWord[];
	}
	export interface MatchResult {
	    top: TopicScore[];
	}
	
	
	
	export interface Reminder {
	    count: number;
	    at: string;
	    byId: number;
	    byName: string;
	    note: string;
	}
	export interface StopRequest {
	    reason: string;
	    byId: number;
	    byName: string;
	    approverId: number;
	    approverName: string;
	    at: string;
	}
	export interface Message {
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
	    extension: ExtensionRequest;
	    extendedDays: number;
	    reminder: Reminder;
	    lateNote: string;
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
	}
	export interface MessageEvent {
	    id: number;
	    kind: string;
	    from: string;
	    to: string;
	    reason: string;
	    approverId: number;
	    approverName: string;
	    personName: string;
	    at: string;
	}
	export interface MessageDetail {
	    message: Message;
	    events: MessageEvent[];
	    attachments: Attachment[];
	    approvals: Approval[];
	}
	export interface MessageEdit {
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
	}
	
	export interface MessageFilter {
	    state: string;
	    sectionId: number;
	    assigneeId: number;
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
	}
	export interface MessageImportField {
	    key: string;
	    label: string;
	    required: boolean;
	    column: number;
	}
	export interface MessageInput {
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
	}
	export interface MessageImportRow {
	    row: number;
	    input: MessageInput;
	    duplicate: boolean;
	    error: string;
	}
	export interface MessageImportPreview {
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
	}
	export interface MessageImportResult {
	    batchId: number;
	    total: number;
	    added: number;
	    skipped: number;
	    routed: number;
	    pending: number;
	}
	
	
	export interface MessageListItem {
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
	    reminders: number;
	}
	export interface MessagePage {
	    total: number;
	    page: number;
	    pageSize: number;
	    items: MessageListItem[];
	    stateCounts: Record<string, number>;
	    overdueCounts: Record<string, number>;
	}
	export interface MonthDay {
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
	}
	export interface MonthView {
	    year: number;
	    month: number;
	    weeks: MonthDay[][];
	}
	export interface NoticeLine {
	    text: string;
	    name: string;
	    restDays: string[];
	    workdays: string[];
	}
	export interface NoticePreview {
	    year: number;
	    title: string;
	    docNumber: string;
	    lines: NoticeLine[];
	    warnings: string[];
	    changes: DayChange[];
	    replaces: boolean;
	    restDays: number;
	    workdays: number;
	}
	export interface Option {
	    value: string;
	    label: string;
	}
	export interface PeriodChange {
	    consultationId: number;
	    newClose: string;
	    reason: string;
	}
	export interface PeriodCheck {
	    openDate: string;
	    closeDate: string;
	    earliestClose: string;
	    naturalDays: number;
	    short: boolean;
	    message: string;
	    calendarWarning: string;
	}
	export interface Person {
	    id: number;
	    name: string;
	    sectionId: number;
	    sectionName: string;
	    title: string;
	    role: string;
	    phone: string;
	    email: string;
	    active: boolean;
	}
	export interface Policy {
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
	}
	export interface PolicyVersion {
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
	}
	export interface PolicyDetail {
	    policy: Policy;
	    versions: PolicyVersion[];
	    consultations: Consultation[];
	    nextStatuses: string[];
	}
	
	export interface PolicyFilter {
	    status: string;
	    category: string;
	    sectionId: number;
	    query: string;
	    limit: number;
	    offset: number;
	}
	export interface PolicyPage {
	    total: number;
	    policies: Policy[];
	}
	export interface PolicyStatusChange {
	    policyId: number;
	    status: string;
	    publishedDate: string;
	    publishedUrl: string;
	    reason: string;
	}
	
	export interface PrepubFinding {
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
	}
	export interface PrepubReport {
	    subjectType: string;
	    subjectId: number;
	    text: string;
	    findings: PrepubFinding[];
	    fixed: PrepubFinding[];
	    clear: boolean;
	    checkedAt: string;
	}
	export interface ProactiveSuggestion {
	    content: string;
	    count: number;
	    caseNos: string[];
	}
	export interface Publication {
	    id: number;
	    publishedDate: string;
	    publishedUrl: string;
	    reason: string;
	}
	export interface PublicationPreview {
	    messageId: number;
	    subject: string;
	    message: string;
	    reply: string;
	    messageItems: MaskedItem[];
	    replyItems: MaskedItem[];
	    problems: string[];
	    canPublish: boolean;
	    kept: MaskKeep[];
	}
	
	export interface QuestionSuggestion {
	    question: string;
	    answer: string;
	    source: string;
	    clause: string;
	    reason: string;
	    messageIds: number[];
	}
	export interface RelatedDocument {
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
	}
	export interface RemindInput {
	    messageId: number;
	    note: string;
	}
	
	export interface RemoteProbe {
	    address: string;
	    fingerprint: string;
	    subject: string;
	    issuer: string;
	    notAfter: string;
	    bureau: string;
	}
	export interface RemoteStatus {
	    address: string;
	    fingerprint: string;
	    connected: boolean;
	    lastError: string;
	}
	export interface RenderedReply {
	    body: string;
	    missing: string[];
	}
	export interface ReplySubmission {
	    messageId: number;
	    body: string;
	    approverId: number;
	    version: number;
	    lateNote: string;
	}
	export interface ReplyTemplate {
	    id: number;
	    name: string;
	    type: string;
	    body: string;
	    updatedAt: string;
	}
	
	export interface ReportPublication {
	    consultationId: number;
	    publishedDate: string;
	    publishedUrl: string;
	}
	export interface RerouteInput {
	    messageId: number;
	    topicId: number;
	    sectionId: number;
	    assigneeId: number;
	    reason: string;
	    version: number;
	}
	export interface RestoreResult {
	    restored: BackupInfo;
	    safetyCopy: BackupInfo;
	}
	export interface RoutingTopicEval {
	    topic: string;
	    precision: number;
	    recall: number;
	    f1: number;
	    support: number;
	}
	export interface RoutingEvaluation {
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
	}
	export interface RoutingHistory {
	    total: number;
	    imported: number;
	    decisions: number;
	    byTopic: RoutingTopicCount[];
	    newSinceModel: number;
	}
	export interface RoutingJob {
	    kind: string;
	    running: boolean;
	    stage: string;
	    done: number;
	    total: number;
	    startedAt: string;
	    endedAt: string;
	    error: string;
	}
	export interface RoutingModelInfo {
	    trained: boolean;
	    trainedAt: string;
	    examples: number;
	    topics: number;
	    sizeBytes: number;
	    seconds: number;
	}
	
	
	
	export interface Section {
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
	}
	export interface Session {
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
	}
	export interface SignoffApproval {
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
	}
	export interface Signoff {
	    subjectType: string;
	    subjectId: number;
	    round: number;
	    steps: SignoffApproval[];
	    history: SignoffApproval[];
	    current: string;
	    complete: boolean;
	    returned: boolean;
	    completedAt: string;
	}
	export interface SignoffAction {
	    subjectType: string;
	    subjectId: number;
	    decision: string;
	    opinion: string;
	}
	
	export interface SignoffStep {
	    order: number;
	    name: string;
	    rule: string;
	    personId: number;
	    personName: string;
	}
	export interface SimilarMessage {
	    id: number;
	    subject: string;
	    excerpt: string;
	    reply: string;
	    repliedAt: string;
	    topicName: string;
	    score: number;
	}
	
	
	export interface SyncRow {
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
	}
	export interface SyncPanel {
	    policy: SyncRow;
	    interpretations: SyncRow[];
	    exemptions: Exemption[];
	    draftOk: boolean;
	    approvalOk: boolean;
	    publishOk: boolean;
	    problems: string[];
	}
	
	
	
	export interface Today {
	    scope: string;
	    overdue: Deadline[];
	    dueToday: Deadline[];
	    soon: Deadline[];
	    later: Deadline[];
	    signoffs: Deadline[];
	    setup: Deadline[];
	}
	export interface TodayInfo {
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
	}
	export interface TopicKeyword {
	    word: string;
	    weight: number;
	}
	export interface TopicRecord {
	    id: number;
	    name: string;
	    sectionId: number;
	    sectionName: string;
	    description: string;
	    keywords: TopicKeyword[];
	    examples: string[];
	    active: boolean;
	}
	
	export interface UserWord {
	    word: string;
	    freq: number;
	    tag: string;
	}

}

