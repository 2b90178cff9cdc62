using System.Collections.Frozen;

namespace ApimAiGateway.Harness.Compilation.Rules;

/// <summary>
/// APIM's list of .NET types (and, for some, members) that policy expressions may use: apim-reference §1.5, taken
/// from "API Management policy expressions", CLR type table (ms.date 2026-01-15). Types are keyed by metadata name
/// (generic arity after a backtick, nested types after a plus); a null member set means every member is allowed.
/// </summary>
public static class ApimAllowedTypes
{
    private const string Constructor = ".ctor";

    private static readonly FrozenDictionary<string, FrozenSet<string>?> Rules = Build();

    /// <summary>True when the type appears in APIM's list at all.</summary>
    public static bool IsTypeListed(string metadataName) => Rules.ContainsKey(metadataName);

    /// <summary>True when the member (by metadata name, ".ctor" for constructors) of a listed type is allowed.</summary>
    public static bool IsMemberAllowed(string typeMetadataName, string memberName, int parameterCount) =>
        Rules.TryGetValue(typeMetadataName, out var members)
        && (members is null || members.Contains(memberName))
        && !IsExplicitlyExcluded(typeMetadataName, memberName, parameterCount);

    private static FrozenDictionary<string, FrozenSet<string>?> Build()
    {
        var rules = new Dictionary<string, FrozenSet<string>?>(StringComparer.Ordinal);

        void All(params string[] types)
        {
            foreach (var type in types)
            {
                rules.Add(type, null);
            }
        }

        void Only(string type, params string[] members) => rules.Add(type, members.ToFrozenSet(StringComparer.Ordinal));

        // Members of System.Object (ToString, Equals, GetHashCode, GetType) are usable on every value; the toolkit's
        // analyzer allows System.Object as well (apim-reference §1.5 notes).
        All("System.Object", "System.ValueType");

        All("Newtonsoft.Json.Formatting");
        Only("Newtonsoft.Json.JsonConvert", "SerializeObject", "DeserializeObject");
        All("Newtonsoft.Json.Linq.Extensions", "Newtonsoft.Json.Linq.JArray", "Newtonsoft.Json.Linq.JConstructor",
            "Newtonsoft.Json.Linq.JContainer", "Newtonsoft.Json.Linq.JObject", "Newtonsoft.Json.Linq.JProperty",
            "Newtonsoft.Json.Linq.JRaw", "Newtonsoft.Json.Linq.JToken", "Newtonsoft.Json.Linq.JTokenType",
            "Newtonsoft.Json.Linq.JValue");

        All("System.Array", "System.BitConverter", "System.Boolean", "System.Byte", "System.SByte", "System.Char",
            "System.Decimal", "System.Double", "System.Single", "System.Int16", "System.Int32", "System.Int64",
            "System.UInt16", "System.UInt32", "System.UInt64");

        All("System.Collections.Generic.Dictionary`2", "System.Collections.Generic.HashSet`1",
            "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IDictionary`2",
            "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IEnumerator`1",
            "System.Collections.Generic.IList`1", "System.Collections.Generic.IReadOnlyCollection`1",
            "System.Collections.Generic.IReadOnlyDictionary`2", "System.Collections.Generic.ISet`1",
            "System.Collections.Generic.KeyValuePair`2", "System.Collections.Generic.List`1",
            "System.Collections.Generic.Queue`1", "System.Collections.Generic.Stack`1");

        All("System.Convert");
        Only("System.DateTime", Constructor, "Add", "AddDays", "AddHours", "AddMilliseconds", "AddMinutes", "AddMonths",
            "AddSeconds", "AddTicks", "AddYears", "Date", "Day", "DayOfWeek", "DayOfYear", "DaysInMonth", "Hour",
            "IsDaylightSavingTime", "IsLeapYear", "MaxValue", "Millisecond", "Minute", "MinValue", "Month", "Now",
            "Parse", "Second", "Subtract", "Ticks", "TimeOfDay", "Today", "ToString", "UtcNow", "Year");
        Only("System.DateTimeKind", "Utc");
        All("System.DateTimeOffset");
        Only("System.Enum", "Parse", "TryParse", "ToString");
        All("System.Exception", "System.Guid", "System.IO.StringReader", "System.IO.StringWriter",
            "System.Linq.Enumerable", "System.Math", "System.MidpointRounding");
        Only("System.Net.IPAddress", "AddressFamily", "Equals", "GetAddressBytes", "IsLoopback", "Parse", "TryParse", "ToString");
        All("System.Net.WebUtility", "System.Nullable", "System.Nullable`1", "System.Random");

        All("System.Security.Cryptography.AsymmetricAlgorithm", "System.Security.Cryptography.CipherMode",
            "System.Security.Cryptography.HashAlgorithm", "System.Security.Cryptography.HashAlgorithmName",
            "System.Security.Cryptography.HMAC", "System.Security.Cryptography.HMACMD5",
            "System.Security.Cryptography.HMACSHA1", "System.Security.Cryptography.HMACSHA256",
            "System.Security.Cryptography.HMACSHA384", "System.Security.Cryptography.HMACSHA512",
            "System.Security.Cryptography.KeyedHashAlgorithm", "System.Security.Cryptography.MD5",
            "System.Security.Cryptography.Oid", "System.Security.Cryptography.PaddingMode",
            "System.Security.Cryptography.RNGCryptoServiceProvider", "System.Security.Cryptography.RSA",
            "System.Security.Cryptography.RSAEncryptionPadding", "System.Security.Cryptography.RSASignaturePadding",
            "System.Security.Cryptography.SHA1", "System.Security.Cryptography.SHA1Managed",
            "System.Security.Cryptography.SHA256", "System.Security.Cryptography.SHA256Managed",
            "System.Security.Cryptography.SHA384", "System.Security.Cryptography.SHA384Managed",
            "System.Security.Cryptography.SHA512", "System.Security.Cryptography.SHA512Managed",
            "System.Security.Cryptography.SymmetricAlgorithm");
        All("System.Security.Cryptography.X509Certificates.PublicKey",
            "System.Security.Cryptography.X509Certificates.RSACertificateExtensions",
            "System.Security.Cryptography.X509Certificates.X509Certificate",
            "System.Security.Cryptography.X509Certificates.X509Certificate2",
            "System.Security.Cryptography.X509Certificates.X509ContentType",
            "System.Security.Cryptography.X509Certificates.X509NameType");
        Only("System.Security.Cryptography.X509Certificates.X500DistinguishedName", "Name");

        All("System.String", "System.StringComparer", "System.StringComparison", "System.StringSplitOptions",
            "System.Text.Encoding");
        Only("System.Text.RegularExpressions.Capture", "Index", "Length", "Value");
        Only("System.Text.RegularExpressions.CaptureCollection", "Count", "Item");
        Only("System.Text.RegularExpressions.Group", "Captures", "Success");
        Only("System.Text.RegularExpressions.GroupCollection", "Count", "Item");
        Only("System.Text.RegularExpressions.Match", "Empty", "Groups", "Result");
        Only("System.Text.RegularExpressions.Regex", Constructor, "IsMatch", "Match", "Matches", "Replace", "Unescape", "Split");
        All("System.Text.RegularExpressions.RegexOptions", "System.Text.StringBuilder");
        All("System.TimeSpan", "System.TimeZone", "System.TimeZoneInfo", "System.TimeZoneInfo+AdjustmentRule",
            "System.TimeZoneInfo+TransitionTime", "System.Tuple", "System.Uri", "System.UriPartial");

        All("System.Xml.Linq.Extensions", "System.Xml.Linq.XAttribute", "System.Xml.Linq.XCData",
            "System.Xml.Linq.XComment", "System.Xml.Linq.XContainer", "System.Xml.Linq.XDeclaration",
            "System.Xml.Linq.XDocument", "System.Xml.Linq.XDocumentType", "System.Xml.Linq.XElement", "System.Xml.Linq.XName",
            "System.Xml.Linq.XNamespace", "System.Xml.Linq.XNode", "System.Xml.Linq.XNodeDocumentOrderComparer",
            "System.Xml.Linq.XNodeEqualityComparer", "System.Xml.Linq.XObject",
            "System.Xml.Linq.XProcessingInstruction", "System.Xml.Linq.XText", "System.Xml.XmlNodeType");

        // Tuple's generic forms are what `Tuple.Create` returns; they are part of "System.Tuple | All".
        for (var arity = 1; arity <= 8; arity++)
        {
            All("System.Tuple`" + arity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return rules.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// The two exceptions the list makes inside otherwise fully allowed types: XDocument "All except Load" and
    /// SymmetricAlgorithm "All except the parameterless Create()".
    /// </summary>
    private static bool IsExplicitlyExcluded(string typeMetadataName, string memberName, int parameterCount) =>
        (typeMetadataName, memberName) switch
        {
            ("System.Xml.Linq.XDocument", "Load") => true,
            ("System.Security.Cryptography.SymmetricAlgorithm", "Create") => parameterCount == 0,
            _ => false,
        };
}
