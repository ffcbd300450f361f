namespace PolicyExtract.Diagnostics;

/// <summary>
/// Every diagnostic the pipeline can raise. Codes are stable: tools and tests key on them. IN = ingest,
/// ST = structure, MD = metadata, GR = grammar files, VA = validating outputs against expectations, CK = cross-document
/// checks, RP = review pages.
/// </summary>
public static class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor EmptyFile = new("IN001", Severity.Error, "the file is empty");
    public static readonly DiagnosticDescriptor BinaryFile = new("IN002", Severity.Error, "the file is binary, not text ({0})");
    public static readonly DiagnosticDescriptor Undecodable = new("IN003", Severity.Error, "the text cannot be decoded as UTF-8, UTF-16 or GB18030");
    public static readonly DiagnosticDescriptor UnsupportedFormat = new("IN004", Severity.Error, "unsupported file format '{0}'; {1}");
    public static readonly DiagnosticDescriptor NotAPolicy = new("IN005", Severity.Error, "no numbered clauses found: this does not look like a policy document");
    public static readonly DiagnosticDescriptor Unreadable = new("IN006", Severity.Error, "the file cannot be read: {0}");
    public static readonly DiagnosticDescriptor TooLarge = new("IN007", Severity.Error, "the file is {0} bytes, over the limit of {1}");
    public static readonly DiagnosticDescriptor InvalidCharacters = new("IN008", Severity.Warning, "{0} byte sequences could not be decoded and were replaced (first at this line)");

    public static readonly DiagnosticDescriptor OutputCollision = new("IN009", Severity.Error, "its output name '{0}' is already taken by {1}; rename one of the two");
    public static readonly DiagnosticDescriptor InputNotFound = new("IN010", Severity.Error, "no such file or folder");
    public static readonly DiagnosticDescriptor InternalError = new("IN011", Severity.Error, "internal error while extracting ({0}: {1}); please report it with this file");
    public static readonly DiagnosticDescriptor CannotWrite = new("IN012", Severity.Error, "cannot write {0}: {1}");
    public static readonly DiagnosticDescriptor NestingTooDeep = new("IN013", Severity.Warning, "HTML elements nest deeper than {0} levels from here on; the tags beyond that depth are ignored and their text kept");
    public static readonly DiagnosticDescriptor MixedEncodings = new("IN014", Severity.Warning, "{0} line(s) are not UTF-8 like the rest of the file and were read as GB18030 (first at this line)");
    public static readonly DiagnosticDescriptor FigureTooLarge = new("IN015", Severity.Warning, "the figure '{0}' has more digits than can be represented exactly; it is left out");
    public static readonly DiagnosticDescriptor OutputOutsideFolder = new("IN016", Severity.Error, "its output name '{0}' would be written outside {1}; rename the file");
    public static readonly DiagnosticDescriptor NotARegularFile = new("IN017", Severity.Error, "this is a {0}, not a file; only regular files are read");
    public static readonly DiagnosticDescriptor SpecialFileSkipped = new("IN018", Severity.Warning, "skipped: a {0}, not a file; only regular files are read");
    public static readonly DiagnosticDescriptor LinkLoop = new("IN019", Severity.Warning, "skipped: a link to {0}, a folder already read in this run (a link loop or a second way in)");

    // Word and PDF files (IN020 onwards).
    public static readonly DiagnosticDescriptor WordUnreadable = new("IN020", Severity.Error, "this Word file cannot be read ({0}); open it in Word or WPS and save it again as .docx");
    public static readonly DiagnosticDescriptor WrongContent = new("IN021", Severity.Error, "the file is named {0} but is {1}; {2}");
    public static readonly DiagnosticDescriptor PdfUnreadable = new("IN022", Severity.Error, "this PDF cannot be read ({0})");
    public static readonly DiagnosticDescriptor PdfEncrypted = new("IN023", Severity.Error, "the PDF is encrypted and cannot be opened without its password; save an unprotected copy");
    public static readonly DiagnosticDescriptor PdfNoTextLayer = new("IN024", Severity.Error, "no text layer in any of its {0} page(s): a scanned PDF; OCR it first");
    public static readonly DiagnosticDescriptor PdfPagesWithoutText = new("IN025", Severity.Warning, "{0} of {1} pages have no text layer (scanned?) and were skipped, first page {2}; OCR them first");
    public static readonly DiagnosticDescriptor UnknownNumberFormat = new("IN026", Severity.Warning, "Word numbering format '{0}' is not known; its numbers are shown as 1, 2, 3");
    public static readonly DiagnosticDescriptor TrackedChanges = new("IN027", Severity.Info, "tracked changes read as accepted: {0} insertion(s) kept, {1} deletion(s) dropped");
    public static readonly DiagnosticDescriptor WordTooDeep = new("IN028", Severity.Error, "this Word file nests its elements deeper than {0} levels (at element {1}); no real document does: refused before it is read");
    public static readonly DiagnosticDescriptor WordTooManyElements = new("IN029", Severity.Error, "this Word file holds more than {0} elements in its text; no real document does: refused before it is read");

    // A document's budget and the run's own files (IN030 onwards).
    public static readonly DiagnosticDescriptor OverTimeBudget = new("IN030", Severity.Error, "took longer than its time budget of {0} s and was stopped (--time-limit); the other documents are not affected");
    public static readonly DiagnosticDescriptor OverMemoryBudget = new("IN031", Severity.Error, "needed more than its memory budget of {0} MB and was stopped (--memory-limit); the other documents are not affected");
    public static readonly DiagnosticDescriptor ReaderCrashed = new("IN032", Severity.Error, "reading it crashed the worker process ({0}); the other documents are not affected; please report it with this file");
    public static readonly DiagnosticDescriptor WouldOverwriteInput = new("IN033", Severity.Error, "its output {0} would overwrite an input of this run; write to another folder");
    public static readonly DiagnosticDescriptor OddFileName = new("IN034", Severity.Warning, "the file name holds {0}; the document keeps it as its id and messages show it escaped");
    public static readonly DiagnosticDescriptor OwnPageSkipped = new("IN035", Severity.Warning, "skipped: a review page PolicyExtract wrote, not a policy");
    public static readonly DiagnosticDescriptor FolderUnreadable = new("IN036", Severity.Warning, "skipped: the folder cannot be read: {0}");
    public static readonly DiagnosticDescriptor OverOutputBudget = new("IN037", Severity.Error, "its output would be {0} MB, more than the {1} MB a document's output may take under its memory budget (--memory-limit); a policy's output is well under 1 MB");

    // Rules (RU001 onwards).
    public static readonly DiagnosticDescriptor NoTrigger = new("RU001", Severity.Warning, "rule {0} names no trigger: what earns its {1} is not written where the grant is, or was not read; its triggers are []");

    public static readonly DiagnosticDescriptor NumberingGap = new("ST001", Severity.Warning, "numbering skips from {0} to {1}");
    public static readonly DiagnosticDescriptor NumberingDuplicate = new("ST002", Severity.Warning, "number {0} is used twice in a row");
    public static readonly DiagnosticDescriptor NumberingBackwards = new("ST003", Severity.Warning, "numbering goes back from {0} to {1}");
    public static readonly DiagnosticDescriptor LevelSkipped = new("ST004", Severity.Info, "'{0}' sits directly under '{1}', skipping a level");
    public static readonly DiagnosticDescriptor TooDeep = new("ST005", Severity.Warning, "clause nesting deeper than {0} levels; '{1}' kept at the deepest level");

    public static readonly DiagnosticDescriptor NoTitle = new("MD001", Severity.Warning, "no document title found");
    public static readonly DiagnosticDescriptor PlaceholderDate = new("MD002", Severity.Warning, "placeholder date '{0}': the {1} is unknown");
    public static readonly DiagnosticDescriptor InvalidDate = new("MD003", Severity.Warning, "'{0}' is not a valid date");
    public static readonly DiagnosticDescriptor ExplainedPolicyNotFound = new("MD004", Severity.Info, "explains 《{0}》, which is not among the inputs");

    public static readonly DiagnosticDescriptor OutputUnreadable = new("VA001", Severity.Error, "not a readable output file: {0}");
    public static readonly DiagnosticDescriptor SchemaViolation = new("VA002", Severity.Error, "does not match the published schema at {0}: {1}");
    public static readonly DiagnosticDescriptor NoExpectations = new("VA003", Severity.Error, "no expectations for document {0} in {1}");
    public static readonly DiagnosticDescriptor NoOutput = new("VA004", Severity.Error, "expectations for {0}, but no output file for it");
    public static readonly DiagnosticDescriptor ExpectationsMalformed = new("VA005", Severity.Error, "{0}");
    public static readonly DiagnosticDescriptor NoOutputFiles = new("VA006", Severity.Error, "no output files (*.json) in this folder");
    public static readonly DiagnosticDescriptor NoDocument = new("VA007", Severity.Error, "expectations for {0}, but no document for them (a file named {0}_….txt, .html, .docx or .pdf beside them or in --documents)");
    public static readonly DiagnosticDescriptor TwoDocuments = new("VA008", Severity.Error, "expectations for {0} fit two documents: {1} and {2}");
    public static readonly DiagnosticDescriptor NoExpectationFiles = new("VA009", Severity.Error, "no expectations (*.rules.txt, *.clauses.txt, *.document.txt) in this folder");

    public static readonly DiagnosticDescriptor CountDisagrees = new("CK001", Severity.Error, "says {0} has {1} {2}, but {3} has {4}");
    public static readonly DiagnosticDescriptor CountUnresolved = new("CK002", Severity.Warning, "“{0}” counts {1} {2} of {3}, which was not found: not checked");
    public static readonly DiagnosticDescriptor ExplainedNotChecked = new("CK003", Severity.Warning, "describes {0}: “{1}” is not checked");

    public static readonly DiagnosticDescriptor FigureNotLocated = new("RP001", Severity.Warning, "the {0} {1} of rule {2} is not written in clause {3}: not marked");
    public static readonly DiagnosticDescriptor TriggerNotLocated = new("RP002", Severity.Info, "trigger “{0}” of rule {1} is not written in clause {2}, not even in part: not marked");

    public static readonly DiagnosticDescriptor GrammarSyntax = new("GR001", Severity.Error, "{0}");
    public static readonly DiagnosticDescriptor GrammarUnknownKey = new("GR002", Severity.Error, "unknown {0} '{1}'");
    public static readonly DiagnosticDescriptor GrammarDuplicate = new("GR003", Severity.Error, "duplicate {0} '{1}' (first at line {2})");
    public static readonly DiagnosticDescriptor GrammarBadPattern = new("GR004", Severity.Error, "bad pattern: {0}");
    public static readonly DiagnosticDescriptor GrammarMissing = new("GR005", Severity.Error, "missing {0}");
}
