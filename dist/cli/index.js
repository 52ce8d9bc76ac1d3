import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/error.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/primitive.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/date.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/extract.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/util.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/struct.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/parse.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/stringify.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let BARE_KEY = /^[a-z0-9-_]+$/i;
let HAS_WELLFORMED = !!(''.isWellFormed);
function extendedTypeOf(obj) {
    let type = typeof obj;
    if (type === 'object') {
        if (Array.isArray(obj))
            return 'array';
        if (typeof obj.getUTCDate === 'function' && obj instanceof Date)
            return 'date';
        if (globalThis.Temporal) {
            if (obj.until) {
                if (obj instanceof Temporal.ZonedDateTime)
                    return 'temporal/tz+uc';
                if (obj instanceof Temporal.PlainDateTime || obj instanceof Temporal.PlainDate)
                    return 'temporal/uc';
                if (obj instanceof Temporal.PlainTime || obj instanceof Temporal.Instant)
                    return 'temporal';
                if (obj instanceof Temporal.PlainYearMonth)
                    return 'temporal/x';
            }
            else if ((obj.toPlainDate && obj instanceof Temporal.PlainMonthDay) ||
                (obj.negated && obj instanceof Temporal.Duration)) {
                return 'temporal/x';
            }
        }
    }
    return type;
}
function isArrayOfTables(obj) {
    for (let i = 0; i < obj.length; i++) {
        if (extendedTypeOf(obj[i]) !== 'object')
            return false;
    }
    return obj.length != 0;
}
function formatWellFormedStringUnchecked(s) {
    return JSON.stringify(s).replaceAll('\x7f', '\\u007f');
}
function formatString(s) {
    return formatWellFormedStringUnchecked(HAS_WELLFORMED ? s.toWellFormed() : s);
}
function formatKey(s) {
    if (BARE_KEY.test(s))
        return s;
    if (HAS_WELLFORMED && !s.isWellFormed())
        throw new RangeError('key contains illegal lone surrogates');
    return formatWellFormedStringUnchecked(s);
}
function stringifyValue(val, type, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    switch (type) {
        // @ts-expect-error -- intentional fallthrough case
        case 'number':
            if (isNaN(val))
                return 'nan';
            if (val === Infinity)
                return 'inf';
            if (val === -Infinity)
                return '-inf';
            if (Number.isInteger(val) && (numberAsFloat || !Number.isSafeInteger(val)))
                return val.toFixed(1);
        case 'bigint':
        case 'boolean':
        case 'temporal':
            return val.toString();
        case 'string':
            return formatString(val);
        case 'date':
            if (isNaN(val.getTime()))
                throw new TypeError('cannot serialize invalid date');
            return val.toISOString();
        case 'object':
            return stringifyInlineTable(val, depth, numberAsFloat, strictTemporal);
        case 'array':
            return stringifyArray(val, depth, numberAsFloat, strictTemporal);
        // @ts-expect-error -- intentional fallthrough case
        case 'temporal/tz+uc':
            if (strictTemporal) {
                let tz = val.timeZoneId;
                let tzc = tz.charCodeAt(0);
                if (
                // Classic offset
                tzc !== 0x2b /* + */ && tzc !== 0x2d /* - */ &&
                    (
                    // Fast pre-check pass; see below for the actually accepted values
                    (tzc !== 0x55 /* U */ && tzc !== 0x47 /* G */ && tzc !== 0x5a /* Z */ && tzc !== 0x45 /* E */) ||
                        (
                        // UTC and its aliases; Temporal implementations don't all canonicalise unfortunately
                        tz !== 'UTC' && tz !== 'UCT' && tz !== 'Universal' && tz !== 'Zulu' &&
                            // GMT is a TZ but it's for all intents and purposes equivalent to UTC. Safe to downgrade.
                            !tz.startsWith('GMT') && tz !== 'Greenwich' &&
                            // Etc/* are all safe to downgrade to offset (either UTC, GMT, or offset)
                            !tz.startsWith('Etc/')))) {
                    throw new TypeError('Temporal objects with an IANA timezone are not allowed in Temporal strict mode');
                }
            }
        case 'temporal/uc':
            if (strictTemporal && val.calendarId !== 'iso8601')
                throw new TypeError('Temporal objects with a non-default calendar are not allowed in Temporal strict mode');
            return val.toString({
                calendarName: 'never',
                timeZoneName: 'never',
            });
        case 'temporal/x':
            throw new TypeError('Unsupported ' + val[Symbol.toStringTag]);
    }
}
function stringifyInlineTable(obj, depth, numberAsFloat, strictTemporal) {
    let keys = Object.keys(obj);
    if (keys.length === 0)
        return '{}';
    let res = '{ ';
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (i)
            res += ', ';
        res += formatKey(k) + ' = ' + stringifyValue(obj[k], extendedTypeOf(obj[k]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' }';
}
function stringifyArray(array, depth, numberAsFloat, strictTemporal) {
    if (array.length === 0)
        return '[]';
    let res = '[ ';
    for (let i = 0; i < array.length; i++) {
        if (i)
            res += ', ';
        if (array[i] === null || array[i] === void 0) {
            throw new TypeError('arrays cannot contain null or undefined values');
        }
        res += stringifyValue(array[i], extendedTypeOf(array[i]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' ]';
}
function stringifyArrayTable(array, key, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let res = '';
    for (let i = 0; i < array.length; i++) {
        res += `${res && '\n'}[[${key}]]\n`;
        res += stringifyTable(0, array[i], key, depth, numberAsFloat, strictTemporal);
    }
    return res;
}
function stringifyTable(tableKey, obj, prefix, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let preamble = '';
    let tables = '';
    let keys = Object.keys(obj);
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (obj[k] !== null && obj[k] !== void 0) {
            let type = extendedTypeOf(obj[k]);
            if (type === 'symbol' || type === 'function') {
                throw new TypeError(`cannot serialize values of type '${type}'`);
            }
            let key = formatKey(k);
            if (type === 'array' && isArrayOfTables(obj[k])) {
                tables += (tables && '\n') + stringifyArrayTable(obj[k], prefix ? `${prefix}.${key}` : key, depth - 1, numberAsFloat, strictTemporal);
            }
            else if (type === 'object') {
                let tblKey = prefix ? `${prefix}.${key}` : key;
                tables += (tables && '\n') + stringifyTable(tblKey, obj[k], tblKey, depth - 1, numberAsFloat, strictTemporal);
            }
            else {
                preamble += key;
                preamble += ' = ';
                preamble += stringifyValue(obj[k], type, depth, numberAsFloat, strictTemporal);
                preamble += '\n';
            }
        }
    }
    if (tableKey && (preamble || !tables)) // Create table only if necessary
        preamble = preamble ? `[${tableKey}]\n${preamble}` : `[${tableKey}]`;
    return preamble && tables
        ? `${preamble}\n${tables}`
        : preamble || tables;
}
function stringify(obj, { maxDepth = 1000, numbersAsFloat = false, strictTemporal = false } = {}) {
    if (extendedTypeOf(obj) !== 'object') {
        throw new TypeError('stringify can only be called with an object');
    }
    let str = stringifyTable(0, obj, '', maxDepth, numbersAsFloat, strictTemporal);
    if (str[str.length - 1] !== '\n')
        return str + '\n';
    return str;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/index.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */





/** @deprecated use `import * as ... from 'smol-toml'` instead */
/* harmony default export */ const dist = ({ parse: parse, stringify: stringify, TomlDate: TomlDate, TomlError: TomlError });

;// CONCATENATED MODULE: ./src/config/errors.ts
// Typed user-facing configuration errors: one line naming the input and what is allowed (exit 2).
class ConfigError extends Error {
    input;
    constructor(input, detail) {
        super(`${input}: ${detail}`);
        this.input = input;
        this.name = 'ConfigError';
    }
}
function isConfigError(e) {
    return e instanceof ConfigError;
}

;// CONCATENATED MODULE: ./src/config/options.ts
// The table of settings: one row per option, shared by action inputs, CLI flags and
// [tool.pymaint]. Adding a setting is adding a row here; parse.ts validates every row the same way.
const everywhere = { input: true, cli: true, pyproject: true };
const actionOnly = { input: true, cli: false, pyproject: true };
const inputOnly = { input: true, cli: false, pyproject: false };
const BUILTIN_CHECKS = [
    'structure',
    'ruff',
    'ruff-format',
    'mypy',
    'bandit',
    'safety',
    'pip-audit',
    'pytest'
];
const severities = ['low', 'medium', 'high'];
const OPTIONS = [
    {
        name: 'checks',
        type: { kind: 'list' },
        default: [...BUILTIN_CHECKS],
        description: 'Checks to run, comma-separated (default: all built-in checks plus custom ones).',
        from: everywhere
    },
    {
        name: 'skip-checks',
        type: { kind: 'list' },
        default: [],
        description: 'Checks to leave out of the default set.',
        from: everywhere
    },
    {
        name: 'python',
        type: { kind: 'string' },
        default: '',
        description: "The project's Python interpreter (default: .venv/venv in the project, else python3 on PATH).",
        from: everywhere
    },
    {
        name: 'install-tools',
        type: { kind: 'enum', values: ['missing', 'always', 'never'] },
        default: 'missing',
        description: 'Install missing Python tools into an isolated venv (missing), always use that venv (always), or never install (never).',
        from: everywhere
    },
    {
        name: 'fail-on',
        type: { kind: 'enum', values: ['failing', 'warning', 'never'] },
        default: 'failing',
        description: 'Which verdict fails the step / exits 1.',
        from: everywhere
    },
    {
        name: 'out',
        type: { kind: 'string' },
        default: '',
        description: 'Report directory (default: pymaint-reports under RUNNER_TEMP in the action, ./pymaint-reports locally).',
        from: { input: false, cli: true, pyproject: false }
    },
    {
        name: 'paths',
        type: { kind: 'list' },
        default: [],
        description: 'Source paths for ruff and ruff-format (default: src and tests where they exist, else .).',
        from: everywhere
    },
    {
        name: 'source-paths',
        type: { kind: 'list' },
        default: [],
        description: 'Paths type-checked by mypy and scanned by bandit (default: src if present, else the project).',
        from: everywhere
    },
    {
        name: 'test-paths',
        type: { kind: 'list' },
        default: [],
        description: 'Paths given to pytest (default: its own configuration).',
        from: everywhere
    },
    {
        name: 'coverage-source',
        type: { kind: 'list' },
        default: [],
        description: 'What coverage measures (default: source-paths).',
        from: everywhere
    },
    {
        name: 'mypy-strict',
        type: { kind: 'bool' },
        default: true,
        description: 'Run mypy with --strict.',
        from: everywhere
    },
    {
        name: 'lint-threshold',
        type: { kind: 'number', min: 0, integer: true },
        default: 0,
        description: 'Most ruff violations allowed.',
        from: everywhere
    },
    {
        name: 'format-threshold',
        type: { kind: 'number', min: 0, integer: true },
        default: 0,
        description: 'Most files allowed to need reformatting.',
        from: everywhere
    },
    {
        name: 'type-error-threshold',
        type: { kind: 'number', min: 0, integer: true },
        default: 0,
        description: 'Most mypy errors allowed.',
        from: everywhere
    },
    {
        name: 'coverage-threshold',
        type: { kind: 'number', min: 0, max: 100 },
        default: 95,
        description: 'Least line coverage in percent.',
        from: everywhere
    },
    {
        name: 'test-pass-rate',
        type: { kind: 'number', min: 0, max: 100 },
        default: 100,
        description: 'Least share of tests passing, in percent.',
        from: everywhere
    },
    {
        name: 'security-fail-severity',
        type: { kind: 'enum', values: severities },
        default: 'medium',
        description: 'bandit findings at or above this severity fail the gate.',
        from: everywhere
    },
    {
        name: 'security-min-confidence',
        type: { kind: 'enum', values: severities },
        default: 'low',
        description: 'bandit findings below this confidence do not count.',
        from: everywhere
    },
    {
        name: 'vulnerability-threshold',
        type: { kind: 'number', min: 0, integer: true },
        default: 0,
        description: 'Most known dependency vulnerabilities allowed (pip-audit, safety).',
        from: everywhere
    },
    {
        name: 'ignore-vulnerabilities',
        type: { kind: 'list' },
        default: [],
        description: 'Vulnerability ids (or aliases) to ignore.',
        from: everywhere
    },
    {
        name: 'requirements',
        type: { kind: 'list' },
        default: [],
        description: 'Requirements files for pip-audit/safety (default: the project environment).',
        from: everywhere
    },
    {
        name: 'structure-script',
        type: { kind: 'string' },
        default: '',
        description: "The repository's own structure validation script, run with the project's Python.",
        from: everywhere
    },
    {
        name: 'timeout-minutes',
        type: { kind: 'number', min: 1, max: 360 },
        default: 30,
        description: 'Per-check time limit.',
        from: everywhere
    },
    {
        name: 'github-token',
        type: { kind: 'string' },
        default: '',
        description: 'Token for publishing (default: github.token).',
        from: inputOnly
    },
    {
        name: 'upload-sarif',
        type: { kind: 'enum', values: ['auto', 'true', 'false'] },
        default: 'auto',
        description: 'Upload SARIF to code scanning.',
        from: actionOnly
    },
    {
        name: 'artifact-name',
        type: { kind: 'string' },
        default: 'maintenance-reports',
        description: 'Name of the report artifact (empty string: no artifact).',
        from: actionOnly
    },
    {
        name: 'retention-days',
        type: { kind: 'number', min: 1, max: 400, integer: true },
        default: 90,
        description: 'Artifact retention in days.',
        from: actionOnly
    },
    {
        name: 'pages',
        type: { kind: 'bool' },
        default: false,
        description: 'Publish reports to the Pages branch with history.',
        from: actionOnly
    },
    {
        name: 'pages-branch',
        type: { kind: 'string' },
        default: 'gh-pages',
        description: 'Branch GitHub Pages serves.',
        from: actionOnly
    },
    {
        name: 'pages-history',
        type: { kind: 'number', min: 1, max: 1000, integer: true },
        default: 52,
        description: 'Runs kept on the Pages branch.',
        from: actionOnly
    },
    {
        name: 'cleanup',
        type: { kind: 'enum', values: ['pr', 'off', 'dry-run'] },
        default: 'pr',
        description: 'Open a pull request removing committed junk.',
        from: actionOnly
    },
    {
        name: 'cleanup-branch',
        type: { kind: 'string' },
        default: 'pymaint/cleanup',
        description: 'Branch of the cleanup pull request.',
        from: actionOnly
    },
    {
        name: 'issues',
        type: { kind: 'bool' },
        default: true,
        description: 'Open/update/close one issue when gates fail/pass.',
        from: actionOnly
    },
    {
        name: 'issue-label',
        type: { kind: 'string' },
        default: 'maintenance',
        description: 'Label of the maintenance issue.',
        from: actionOnly
    },
    {
        name: 'slack-webhook-url',
        type: { kind: 'string' },
        default: '',
        description: 'Slack incoming webhook (a secret).',
        from: inputOnly
    },
    {
        name: 'cooldown-hours',
        type: { kind: 'number', min: 0, max: 8760 },
        default: 24,
        description: 'Least hours between repeated notifications of an unchanged verdict.',
        from: actionOnly
    },
    {
        name: 'force-notify',
        type: { kind: 'bool' },
        default: false,
        description: 'Notify even within the cooldown.',
        from: inputOnly
    }
];
function optionByName(name) {
    return OPTIONS.find(o => o.name === name);
}

;// CONCATENATED MODULE: ./src/config/load.ts
// Builds the Config: action input / CLI flag > [tool.pymaint] > built-in default, every value
// validated against its row in options.ts. Nothing here starts a tool or writes a file.





const CHECK_ID = /^[a-z][a-z0-9-]{0,39}$/;
const SUBTABLES = new Set(['structure', 'checks', 'cleanup']);
function label(opt, source) {
    if (source === 'input')
        return `input '${opt.name}'`;
    if (source === 'flag')
        return `--${opt.name}`;
    return `[tool.pymaint] ${opt.name}`;
}
function describeAllowed(opt) {
    const t = opt.type;
    switch (t.kind) {
        case 'enum':
            return `one of ${t.values.join(', ')}`;
        case 'bool':
            return 'true or false';
        case 'number': {
            const kind = t.integer ? 'a whole number' : 'a number';
            if (t.min !== undefined && t.max !== undefined)
                return `${kind} from ${t.min} to ${t.max}`;
            if (t.min !== undefined)
                return `${kind} ≥ ${t.min}`;
            return kind;
        }
        case 'list':
            return 'a comma-separated list';
        case 'string':
            return 'a string';
    }
}
function show(v) {
    return JSON.stringify(v) ?? String(v);
}
/** Coerces one value (a string from an input/flag, or a TOML value) to the option's type. */
function coerce(opt, value, where) {
    const fail = () => {
        throw new ConfigError(where, `${show(value)} is not allowed; expected ${describeAllowed(opt)}`);
    };
    const t = opt.type;
    switch (t.kind) {
        case 'string':
            if (typeof value !== 'string')
                fail();
            return value.trim();
        case 'list': {
            if (Array.isArray(value)) {
                if (!value.every(v => typeof v === 'string'))
                    fail();
                return value.map(s => s.trim()).filter(Boolean);
            }
            if (typeof value !== 'string')
                fail();
            return value
                .split(/[,\n]/)
                .map(s => s.trim())
                .filter(Boolean);
        }
        case 'bool':
            if (typeof value === 'boolean')
                return value;
            if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
                return value.trim().toLowerCase() === 'true';
            return fail();
        case 'enum': {
            const s = typeof value === 'boolean' ? String(value) : value;
            if (typeof s !== 'string' || !t.values.includes(s.trim()))
                fail();
            return s.trim();
        }
        case 'number': {
            let n;
            if (typeof value === 'number')
                n = value;
            else if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
                n = Number(value);
            else
                return fail();
            if (!Number.isFinite(n))
                fail();
            if (t.integer && !Number.isInteger(n))
                fail();
            if (t.min !== undefined && n < t.min)
                fail();
            if (t.max !== undefined && n > t.max)
                fail();
            return n;
        }
    }
}
function readPyproject(file) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
    }
    catch (e) {
        throw new ConfigError(`config file ${file}`, `cannot be read (${e.message})`);
    }
    let doc;
    try {
        doc = parse(text);
    }
    catch (e) {
        const first = String(e.message).split('\n')[0];
        throw new ConfigError(`config file ${file}`, `is not valid TOML: ${first}`);
    }
    const tool = doc.tool;
    const own = tool?.pymaint;
    if (own === undefined)
        return null;
    if (typeof own !== 'object' || own === null || Array.isArray(own))
        throw new ConfigError('[tool.pymaint]', 'must be a table');
    return own;
}
function insideOf(parent, child) {
    const rel = external_node_path_default().relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
function realOrSelf(p) {
    try {
        return (0,external_node_fs_namespaceObject.realpathSync)(p);
    }
    catch {
        return p;
    }
}
function relPathList(name, list, root) {
    for (const p of list) {
        if (external_node_path_default().isAbsolute(p) || !insideOf(root, external_node_path_default().resolve(root, p)))
            throw new ConfigError(name, `${show(p)} is outside the project; allowed: paths relative to ${root}`);
    }
    return list.map(p => p.split((external_node_path_default()).sep).join('/'));
}
function strList(v, where) {
    if (v === undefined)
        return [];
    if (!Array.isArray(v) || !v.every(x => typeof x === 'string'))
        throw new ConfigError(where, `${show(v)} is not allowed; expected a list of strings`);
    return v;
}
function checkKeys(table, allowed, where) {
    for (const k of Object.keys(table)) {
        if (!allowed.includes(k))
            throw new ConfigError(`${where} ${k}`, `unknown key; allowed: ${allowed.join(', ')}`);
    }
}
function normKeys(table) {
    const out = {};
    for (const [k, v] of Object.entries(table))
        out[k.replace(/_/g, '-')] = v;
    return out;
}
function loadStructure(raw, scriptOpt) {
    const where = '[tool.pymaint.structure]';
    const t = raw === undefined ? {} : raw;
    if (typeof t !== 'object' || t === null || Array.isArray(t))
        throw new ConfigError(where, 'must be a table');
    const table = normKeys(t);
    checkKeys(table, [
        'required',
        'forbidden',
        'root-allow',
        'layers',
        'package',
        'independent',
        'type-checking-imports',
        'script'
    ], where);
    const independent = table.independent === undefined ? [] : table.independent;
    if (!Array.isArray(independent) ||
        !independent.every(g => Array.isArray(g) && g.every(x => typeof x === 'string')))
        throw new ConfigError(`${where} independent`, `${show(independent)} is not allowed; expected a list of lists of package names`);
    const tci = table['type-checking-imports'] ?? false;
    if (typeof tci !== 'boolean')
        throw new ConfigError(`${where} type-checking-imports`, `${show(tci)} is not allowed; expected true or false`);
    const pkg = table.package ?? '';
    if (typeof pkg !== 'string')
        throw new ConfigError(`${where} package`, `${show(pkg)} is not allowed; expected a dotted package name`);
    const script = table.script ?? '';
    if (typeof script !== 'string')
        throw new ConfigError(`${where} script`, `${show(script)} is not allowed; expected a path`);
    return {
        required: strList(table.required, `${where} required`),
        forbidden: strList(table.forbidden, `${where} forbidden`),
        rootAllow: strList(table['root-allow'], `${where} root-allow`),
        layers: strList(table.layers, `${where} layers`),
        package: pkg,
        independent: independent,
        typeCheckingImports: tci,
        script: scriptOpt || script,
        configured: raw !== undefined
    };
}
function loadCustom(raw, defaultTimeoutMs) {
    const out = {};
    if (raw === undefined)
        return out;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new ConfigError('[tool.pymaint.checks]', 'must be a table of tables');
    for (const [id, def] of Object.entries(raw)) {
        const where = `[tool.pymaint.checks.${id}]`;
        if (!CHECK_ID.test(id))
            throw new ConfigError(where, 'check ids are lower-case letters, digits and dashes');
        if (BUILTIN_CHECKS.includes(id))
            throw new ConfigError(where, `'${id}' is a built-in check; choose another id`);
        if (typeof def !== 'object' || def === null || Array.isArray(def))
            throw new ConfigError(where, 'must be a table');
        const t = normKeys(def);
        checkKeys(t, ['command', 'format', 'threshold', 'title', 'timeout-minutes'], where);
        const command = t.command;
        if (!Array.isArray(command) ||
            command.length === 0 ||
            !command.every(x => typeof x === 'string'))
            throw new ConfigError(`${where} command`, `${show(command)} is not allowed; expected a non-empty list of strings (argv, no shell)`);
        const format = t.format ?? 'sarif';
        if (format !== 'sarif' && format !== 'findings-json')
            throw new ConfigError(`${where} format`, `${show(format)} is not allowed; expected one of sarif, findings-json`);
        const threshold = t.threshold ?? 0;
        if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 0)
            throw new ConfigError(`${where} threshold`, `${show(threshold)} is not allowed; expected a whole number ≥ 0`);
        const title = t.title ?? id;
        if (typeof title !== 'string')
            throw new ConfigError(`${where} title`, `${show(title)} is not allowed; expected a string`);
        const tm = t['timeout-minutes'];
        if (tm !== undefined && (typeof tm !== 'number' || tm <= 0))
            throw new ConfigError(`${where} timeout-minutes`, `${show(tm)} is not allowed; expected a number > 0`);
        out[id] = {
            id,
            title,
            command: command,
            format,
            threshold,
            timeoutMs: tm === undefined ? defaultTimeoutMs : tm * 60_000
        };
    }
    return out;
}
function loadCleanupTable(raw, mode, branch) {
    const where = '[tool.pymaint.cleanup]';
    const t = raw === undefined ? {} : raw;
    if (typeof t !== 'object' || t === null || Array.isArray(t))
        throw new ConfigError(where, 'must be a table');
    const table = normKeys(t);
    checkKeys(table, ['extend', 'exclude', 'gitignore'], where);
    const gi = table.gitignore ?? false;
    if (typeof gi !== 'boolean')
        throw new ConfigError(`${where} gitignore`, `${show(gi)} is not allowed; expected true or false`);
    return {
        mode,
        branch,
        extend: strList(table.extend, `${where} extend`),
        exclude: strList(table.exclude, `${where} exclude`),
        gitignore: gi
    };
}
function loadConfig(opts) {
    const workspace = realOrSelf(external_node_path_default().resolve(opts.workspace));
    const projectGiven = opts.project || '.';
    const where = opts.source === 'input' ? "input 'working-directory'" : 'PATH';
    const root = realOrSelf(external_node_path_default().resolve(workspace, projectGiven));
    if (!insideOf(workspace, root))
        throw new ConfigError(where, `${show(projectGiven)} is outside the workspace ${workspace}; allowed: a directory inside it`);
    if (!(0,external_node_fs_namespaceObject.existsSync)(root) || !(0,external_node_fs_namespaceObject.statSync)(root).isDirectory())
        throw new ConfigError(where, `${show(projectGiven)} is not a directory`);
    // Explicit settings: unknown names are a programming error of the caller, not user input.
    const explicit = {};
    for (const [name, value] of Object.entries(opts.explicit)) {
        const opt = optionByName(name);
        if (!opt)
            throw new ConfigError(opts.source === 'input' ? `input '${name}'` : `--${name}`, 'unknown setting');
        if (value === undefined || value === '')
            continue;
        explicit[name] = coerce(opt, value, label(opt, opts.source));
    }
    let configFile = null;
    if (opts.configFile) {
        configFile = external_node_path_default().resolve(workspace, opts.configFile);
        if (!(0,external_node_fs_namespaceObject.existsSync)(configFile))
            throw new ConfigError('--config', `${show(opts.configFile)} does not exist`);
    }
    else if ((0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(root, 'pyproject.toml')))
        configFile = external_node_path_default().join(root, 'pyproject.toml');
    const own = configFile ? readPyproject(configFile) : null;
    const fromFile = {};
    const tables = {};
    if (own) {
        for (const [k0, v] of Object.entries(own)) {
            const k = k0.replace(/_/g, '-');
            // `checks` is both the list of checks to run and the [tool.pymaint.checks] custom table.
            if (SUBTABLES.has(k) && !(k === 'checks' && Array.isArray(v))) {
                tables[k] = v;
                continue;
            }
            const opt = optionByName(k);
            if (!opt || !opt.from.pyproject) {
                const allowed = OPTIONS.filter(o => o.from.pyproject).map(o => o.name);
                throw new ConfigError(`[tool.pymaint] ${k0}`, `unknown key; allowed: ${[...allowed, ...SUBTABLES].join(', ')}`);
            }
            fromFile[k] = coerce(opt, v, label(opt, 'pyproject'));
        }
    }
    const get = (name) => {
        if (name in explicit)
            return explicit[name];
        if (name in fromFile)
            return fromFile[name];
        return optionByName(name).default;
    };
    const timeoutMs = get('timeout-minutes') * 60_000;
    const custom = loadCustom(tables.checks, timeoutMs);
    const known = [...BUILTIN_CHECKS, ...Object.keys(custom)];
    const checksWhere = 'checks' in explicit ? label(optionByName('checks'), opts.source) : '[tool.pymaint] checks';
    const requested = 'checks' in explicit || 'checks' in fromFile ? get('checks') : known;
    for (const c of requested) {
        if (!known.includes(c))
            throw new ConfigError(checksWhere, `unknown check ${show(c)}; allowed: ${known.join(', ')}`);
    }
    const skip = get('skip-checks');
    for (const c of skip) {
        if (!known.includes(c))
            throw new ConfigError(label(optionByName('skip-checks'), 'skip-checks' in explicit ? opts.source : 'pyproject'), `unknown check ${show(c)}; allowed: ${known.join(', ')}`);
    }
    const checks = known.filter(c => requested.includes(c) && !skip.includes(c));
    if (checks.length === 0)
        throw new ConfigError(checksWhere, `selects no check; allowed: ${known.join(', ')}`);
    const existing = (cands) => cands.filter(c => (0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(root, c)));
    const pathsOpt = (name, fallback) => {
        const v = get(name);
        const src = name in explicit ? label(optionByName(name), opts.source) : `[tool.pymaint] ${name}`;
        return v.length > 0 ? relPathList(src, v, root) : fallback();
    };
    const paths = pathsOpt('paths', () => {
        const e = existing(['src', 'tests']);
        return e.length ? e : ['.'];
    });
    const sourcePaths = pathsOpt('source-paths', () => {
        const e = existing(['src']);
        return e.length ? e : ['.'];
    });
    const testPaths = pathsOpt('test-paths', () => []);
    const coverageSource = pathsOpt('coverage-source', () => sourcePaths);
    const requirements = pathsOpt('requirements', () => []);
    const outGiven = get('out');
    const outDir = outGiven ? external_node_path_default().resolve(workspace, outGiven) : opts.defaultOutDir;
    return {
        workspace,
        root,
        configFile,
        outDir,
        checks,
        python: get('python'),
        installTools: get('install-tools'),
        failOn: get('fail-on'),
        paths,
        sourcePaths,
        testPaths,
        coverageSource,
        mypyStrict: get('mypy-strict'),
        thresholds: {
            lint: get('lint-threshold'),
            format: get('format-threshold'),
            typeErrors: get('type-error-threshold'),
            coverage: get('coverage-threshold'),
            testPassRate: get('test-pass-rate'),
            securityFailSeverity: get('security-fail-severity'),
            securityMinConfidence: get('security-min-confidence'),
            vulnerabilities: get('vulnerability-threshold')
        },
        ignoreVulnerabilities: get('ignore-vulnerabilities'),
        requirements,
        timeoutMs,
        structure: loadStructure(tables.structure, get('structure-script')),
        custom,
        cleanup: loadCleanupTable(tables.cleanup, get('cleanup'), get('cleanup-branch')),
        publish: {
            githubToken: get('github-token'),
            uploadSarif: get('upload-sarif'),
            artifactName: get('artifact-name'),
            retentionDays: get('retention-days'),
            pages: get('pages'),
            pagesBranch: get('pages-branch'),
            pagesHistory: get('pages-history'),
            issues: get('issues'),
            issueLabel: get('issue-label'),
            slackWebhookUrl: get('slack-webhook-url'),
            cooldownHours: get('cooldown-hours'),
            forceNotify: get('force-notify')
        }
    };
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/checks/check.ts
/** An `error` outcome with a one-line reason (tool missing, crashed, printed garbage). */
function errorOutcome(tool, reason, command) {
    return {
        status: 'error',
        reason: reason.split('\n')[0].slice(0, 500),
        tool,
        findings: [],
        command
    };
}

;// CONCATENATED MODULE: ./src/gates.ts
/** A "count ≤ max" gate: warning when there are findings but within a non-zero allowance. */
function maxGate(id, check, actual, max, what) {
    const passed = actual <= max;
    const status = !passed ? 'failed' : actual > 0 ? 'warning' : 'passed';
    const message = passed
        ? actual === 0
            ? `no ${what}`
            : `${actual} ${what} (at most ${max} allowed)`
        : `${actual} ${what}, at most ${max} allowed`;
    return { id, check, passed, status, actual, threshold: max, message };
}
/** A "value ≥ min" gate (coverage, pass rate), in percent. */
function minGate(id, check, actual, min, what) {
    if (actual === null)
        return {
            id,
            check,
            passed: false,
            status: 'failed',
            actual,
            threshold: min,
            message: `${what} unknown (at least ${min}% required)`
        };
    const passed = actual + 1e-9 >= min;
    const pct = `${Math.round(actual * 100) / 100}%`;
    return {
        id,
        check,
        passed,
        status: passed ? 'passed' : 'failed',
        actual: Math.round(actual * 100) / 100,
        threshold: min,
        message: passed ? `${what} ${pct} (at least ${min}%)` : `${what} ${pct}, below ${min}%`
    };
}
function evaluateGates(results, checks, config) {
    const out = [];
    for (const r of results) {
        const check = checks.find(c => c.id === r.id);
        if (!check || r.status === 'skipped')
            continue;
        if (r.status === 'error') {
            // The figure is unknown: not a pass, but a crashed tool is not proof of bad code either.
            out.push({
                id: r.id,
                check: r.id,
                passed: true,
                status: 'warning',
                actual: null,
                threshold: 'n/a',
                message: `${r.id} could not run: ${r.reason ?? 'unknown error'}`
            });
            continue;
        }
        out.push(...check.gates(r, config));
    }
    return out;
}
function verdictOf(gates) {
    if (gates.some(g => g.status === 'failed'))
        return 'failing';
    if (gates.some(g => g.status === 'warning'))
        return 'warning';
    return 'passing';
}
/** Whether the verdict fails the step / exits 1, per `fail-on`. */
function failsRun(verdict, failOn) {
    if (failOn === 'never')
        return false;
    if (failOn === 'warning')
        return verdict !== 'passing';
    return verdict === 'failing';
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/tools/exec.ts
// Runs a program with an argv (never a shell) and captures its output; the one place checks
// start processes, so time limits, env hygiene and logging are the same for every tool.
// node:child_process rather than @actions/exec: a timed-out tool must be killed, process group
// and all, and @actions/exec gives no handle on the child to do that.

/** Environment every tool runs with: no bytecode or caches written into the scanned project. */
function toolEnv(extra = {}) {
    const env = {};
    for (const [k, v] of Object.entries(process.env))
        if (v !== undefined)
            env[k] = v;
    // INPUT_* may hold secrets (tokens, webhook URLs); tools never need them.
    for (const k of Object.keys(env)) {
        if (k.startsWith('INPUT_') || k === 'ACTIONS_RUNTIME_TOKEN' || k === 'GITHUB_TOKEN')
            delete env[k];
    }
    env.PYTHONDONTWRITEBYTECODE = '1';
    env.PYTHONUNBUFFERED = '1';
    env.NO_COLOR = '1';
    env.PIP_DISABLE_PIP_VERSION_CHECK = '1';
    return { ...env, ...extra };
}
function run(command, args, opts) {
    const started = Date.now();
    return new Promise(resolve => {
        const out = [];
        const err = [];
        let settled = false;
        let timedOut = false;
        let timer;
        const finish = (r) => {
            if (settled)
                return;
            settled = true;
            if (timer)
                clearTimeout(timer);
            resolve({
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: r.stderr ?? Buffer.concat(err).toString('utf8'),
                durationMs: Date.now() - started,
                exitCode: r.exitCode,
                spawnError: r.spawnError,
                timedOut: r.timedOut
            });
        };
        const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
            cwd: opts.cwd,
            env: opts.env ?? toolEnv(),
            shell: false,
            detached: process.platform !== 'win32',
            stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
            windowsHide: true
        });
        child.stdout?.on('data', (b) => out.push(b));
        child.stderr?.on('data', (b) => err.push(b));
        child.on('error', e => finish({ exitCode: -1, spawnError: e.message, stderr: e.message }));
        child.on('close', (code, signal) => {
            if (timedOut)
                finish({
                    exitCode: -1,
                    timedOut: true,
                    stderr: `timed out after ${Math.round((opts.timeoutMs ?? 0) / 1000)} s`
                });
            else
                finish({ exitCode: code ?? (signal ? 128 : -1) });
        });
        if (opts.input !== undefined)
            child.stdin?.end(opts.input);
        if (opts.timeoutMs) {
            timer = setTimeout(() => {
                timedOut = true;
                try {
                    // Negative pid: the whole process group (pytest workers, mypy daemons).
                    if (child.pid)
                        process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
                }
                catch {
                    child.kill('SIGKILL');
                }
            }, opts.timeoutMs);
        }
    });
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/tools/resolve.ts
// Finds each Python tool (project venv, PATH, `python -m`) and, when allowed, installs what is
// missing into pymaint's own isolated venv (never into the project). Records versions.






const bin = process.platform === 'win32' ? 'Scripts' : 'bin';
const exe = (n) => (process.platform === 'win32' ? `${n}.exe` : n);
function onPath(name) {
    for (const dir of (process.env.PATH ?? '').split((external_node_path_default()).delimiter)) {
        if (!dir)
            continue;
        const p = external_node_path_default().join(dir, exe(name));
        if ((0,external_node_fs_namespaceObject.existsSync)(p))
            return p;
    }
    return null;
}
function parseVersion(text) {
    const m = /(\d+\.\d+(?:\.\d+)?(?:[a-z0-9.+-]*)?)/i.exec(text);
    return m ? m[1] : null;
}
/** Where pymaint keeps its own tools venv: outside the workspace, reused across runs. */
function toolsHome() {
    if (process.env.PYMAINT_TOOLS_DIR)
        return process.env.PYMAINT_TOOLS_DIR;
    if (process.env.RUNNER_TOOL_CACHE)
        return external_node_path_default().join(process.env.RUNNER_TOOL_CACHE, 'pymaint');
    return external_node_path_default().join(process.env.XDG_CACHE_HOME ?? external_node_path_default().join(external_node_os_default().homedir(), '.cache'), 'pymaint', 'tools');
}
class ToolResolver {
    config;
    pythonP = null;
    sitePackagesP = null;
    installChain = Promise.resolve();
    cache = new Map();
    constructor(config) {
        this.config = config;
    }
    /** The project's interpreter: `python` setting > .venv > venv > $VIRTUAL_ENV > python3 on PATH. */
    projectPython() {
        this.pythonP ??= (async () => {
            const c = this.config;
            if (c.python)
                return external_node_path_default().isAbsolute(c.python) || c.python.includes('/')
                    ? external_node_path_default().resolve(c.root, c.python)
                    : (onPath(c.python) ?? c.python);
            for (const v of ['.venv', 'venv']) {
                const p = external_node_path_default().join(c.root, v, bin, exe('python'));
                if ((0,external_node_fs_namespaceObject.existsSync)(p))
                    return p;
            }
            if (process.env.VIRTUAL_ENV) {
                const p = external_node_path_default().join(process.env.VIRTUAL_ENV, bin, exe('python'));
                if ((0,external_node_fs_namespaceObject.existsSync)(p))
                    return p;
            }
            return onPath('python3') ?? onPath('python') ?? 'python3';
        })();
        return this.pythonP;
    }
    /** The project interpreter's site-packages, so tools from pymaint's venv can import the project's dependencies. */
    projectSitePackages() {
        this.sitePackagesP ??= (async () => {
            const py = await this.projectPython();
            const r = await run(py, [
                '-c',
                'import json,site,sys; print(json.dumps([p for p in sys.path if p.endswith(("site-packages","dist-packages"))]))'
            ], { cwd: this.config.root, timeoutMs: 30_000 });
            try {
                return r.exitCode === 0 ? JSON.parse(r.stdout.trim()) : [];
            }
            catch {
                return [];
            }
        })();
        return this.sitePackagesP;
    }
    resolve(spec) {
        let p = this.cache.get(spec.name);
        if (!p) {
            p = this.doResolve(spec);
            this.cache.set(spec.name, p);
        }
        return p;
    }
    /** One venv per project interpreter: tools that import the project (pytest) must match its Python. */
    async venvDir() {
        const py = await this.projectPython();
        let real = py;
        try {
            real = (0,external_node_fs_namespaceObject.realpathSync)(py);
        }
        catch {
            /* not a path (a bare name): hash the name */
        }
        return external_node_path_default().join(toolsHome(), `venv-${process.platform}-${process.arch}-${(0,external_node_crypto_namespaceObject.createHash)('sha1').update(real).digest('hex').slice(0, 10)}`);
    }
    async imports(python, modules) {
        const r = await run(python, ['-c', `import ${modules.join(', ')}`], {
            cwd: this.config.root,
            timeoutMs: 60_000
        });
        return r.exitCode === 0;
    }
    async version(command, prefix) {
        const r = await run(command, [...prefix, '--version'], {
            cwd: this.config.root,
            timeoutMs: 60_000
        });
        if (r.exitCode !== 0)
            return null;
        return parseVersion(r.stdout || r.stderr);
    }
    async found(spec, command, prefix, source, env = {}) {
        return {
            ok: true,
            tool: {
                name: spec.name,
                command,
                prefix,
                version: await this.version(command, prefix),
                source,
                env
            }
        };
    }
    async doResolve(spec) {
        const mode = this.config.installTools;
        const py = await this.projectPython();
        const needs = [spec.module, ...(spec.requires ?? [])];
        if (mode !== 'always') {
            if (spec.projectEnv) {
                if (await this.imports(py, needs))
                    return this.found(spec, py, ['-m', spec.module], 'python -m');
            }
            else {
                if (spec.executable) {
                    for (const v of ['.venv', 'venv']) {
                        const p = external_node_path_default().join(this.config.root, v, bin, exe(spec.executable));
                        if ((0,external_node_fs_namespaceObject.existsSync)(p))
                            return this.found(spec, p, [], 'project-venv');
                    }
                    const p = onPath(spec.executable);
                    if (p && (!spec.requires?.length || (await this.imports(py, spec.requires))))
                        return this.found(spec, p, [], 'path');
                }
                if (await this.imports(py, needs))
                    return this.found(spec, py, ['-m', spec.module], 'python -m');
            }
        }
        if (mode === 'never') {
            const where = spec.projectEnv
                ? `importable by ${py}`
                : `on PATH, in the project's .venv, or importable by ${py}`;
            return {
                ok: false,
                reason: `${spec.name} is not installed (looked ${where}); install it or set install-tools: missing`
            };
        }
        const venvPy = await this.ensureInVenv(spec);
        if (typeof venvPy !== 'string')
            return venvPy;
        const env = {};
        if (spec.projectEnv) {
            // The tool comes from pymaint's venv; the project's own dependencies from its interpreter.
            const sp = await this.projectSitePackages();
            if (sp.length)
                env.PYTHONPATH = [...sp, process.env.PYTHONPATH ?? ''].filter(Boolean).join((external_node_path_default()).delimiter);
        }
        const venvExe = spec.executable
            ? external_node_path_default().join(await this.venvDir(), bin, exe(spec.executable))
            : null;
        if (venvExe && (0,external_node_fs_namespaceObject.existsSync)(venvExe))
            return this.found(spec, venvExe, [], 'pymaint-venv', env);
        return this.found(spec, venvPy, ['-m', spec.module], 'pymaint-venv', env);
    }
    /** Installs the spec's packages into pymaint's venv, one install at a time. */
    ensureInVenv(spec) {
        const job = this.installChain.then(async () => {
            const dir = await this.venvDir();
            const vpy = external_node_path_default().join(dir, bin, exe('python'));
            if (!(0,external_node_fs_namespaceObject.existsSync)(vpy)) {
                await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(dir), { recursive: true });
                const base = await this.projectPython();
                const r = await run(base, ['-m', 'venv', dir], {
                    cwd: this.config.root,
                    timeoutMs: 300_000
                });
                if (r.exitCode !== 0)
                    return {
                        ok: false,
                        reason: `cannot create pymaint's tools venv at ${dir}: ${firstLine(r.stderr || r.stdout)}`
                    };
            }
            const needs = [spec.module, ...(spec.requires ?? [])];
            if (await this.imports(vpy, needs))
                return vpy;
            const r = await run(vpy, ['-m', 'pip', 'install', '--quiet', ...spec.pip], {
                cwd: this.config.root,
                env: toolEnv(),
                timeoutMs: 600_000
            });
            if (r.exitCode !== 0)
                return {
                    ok: false,
                    reason: `pip could not install ${spec.pip.join(' ')}: ${lastLine(r.stderr || r.stdout)}`
                };
            return vpy;
        });
        this.installChain = job.catch(() => undefined);
        return job;
    }
}
function firstLine(s) {
    return (s.split('\n').find(l => l.trim()) ?? '').trim().slice(0, 300);
}
function lastLine(s) {
    const lines = s.split('\n').filter(l => l.trim());
    return (lines[lines.length - 1] ?? '').trim().slice(0, 300);
}

;// CONCATENATED MODULE: ./src/checks/paths.ts
// Path normalisation shared by every check: tools print absolute or cwd-relative paths in their
// own style; findings carry repository-relative POSIX paths.

function relPath(root, file) {
    if (!file)
        return '';
    const abs = external_node_path_default().isAbsolute(file) ? file : external_node_path_default().resolve(root, file);
    const rel = external_node_path_default().relative(root, abs);
    return rel.split((external_node_path_default()).sep).join('/');
}

;// CONCATENATED MODULE: ./src/checks/ruff.ts





const RUFF = { name: 'ruff', executable: 'ruff', module: 'ruff', pip: ['ruff'] };
const INFO_URI = 'https://docs.astral.sh/ruff/';
function parseRuffJson(stdout, root) {
    const data = JSON.parse(stdout);
    if (!Array.isArray(data))
        throw new Error('ruff JSON output is not an array');
    return data.map(d => {
        const ruleId = d.code ?? 'invalid-syntax';
        const f = {
            ruleId,
            level: 'error',
            message: d.message,
            path: relPath(root, d.filename),
            line: d.location?.row ?? 0,
            column: d.location?.column ?? 0,
            endLine: d.end_location?.row,
            endColumn: d.end_location?.column,
            fingerprint: '',
            helpUri: d.url ?? undefined
        };
        if (d.fix?.message)
            f.hint = d.fix.message;
        return f;
    });
}
/** Rule documentation for the rules that fired, from `ruff rule --all` (one cheap call). */
async function ruffRules(command, prefix, root, ids) {
    const rules = {};
    if (ids.has('invalid-syntax')) {
        rules['invalid-syntax'] = {
            id: 'invalid-syntax',
            name: 'invalid-syntax',
            shortDescription: 'Python syntax error',
            fullDescription: 'The file could not be parsed as Python; ruff reports the syntax error and cannot lint the file.',
            help: 'Fix the syntax error so the file parses.',
            helpUri: INFO_URI
        };
    }
    const want = [...ids].filter(i => i !== 'invalid-syntax');
    if (want.length === 0)
        return rules;
    const r = await run(command, [...prefix, 'rule', '--all', '--output-format', 'json'], {
        cwd: root,
        timeoutMs: 60_000
    });
    let docs = [];
    try {
        docs = JSON.parse(r.stdout);
    }
    catch {
        /* older ruff without JSON rule docs: rules get generic help below */
    }
    for (const id of want) {
        const d = docs.find(x => x.code === id);
        rules[id] = {
            id,
            name: d?.name,
            shortDescription: d?.summary ?? id,
            fullDescription: d ? `${d.linter}: ${d.summary}` : id,
            help: d?.explanation ?? `See the ruff documentation for ${id}.`,
            helpUri: d ? `https://docs.astral.sh/ruff/rules/${d.name}` : INFO_URI
        };
    }
    return rules;
}
const ruffCheck = {
    id: 'ruff',
    title: 'Lint (ruff)',
    weight: 2,
    async run(ctx) {
        const res = await ctx.tools.resolve(RUFF);
        if (!res.ok)
            return errorOutcome({ name: 'ruff', version: null, informationUri: INFO_URI }, res.reason);
        const t = res.tool;
        const tool = { name: 'ruff', version: t.version, informationUri: INFO_URI };
        const args = [
            ...t.prefix,
            'check',
            '--output-format',
            'json',
            '--no-cache',
            '--no-fix',
            '--force-exclude',
            ...ctx.config.paths
        ];
        const r = await run(t.command, args, {
            cwd: ctx.config.root,
            env: toolEnv(t.env),
            timeoutMs: ctx.config.timeoutMs
        });
        const command = [t.command, ...args];
        if (r.timedOut || r.spawnError)
            return errorOutcome(tool, `ruff ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`, command);
        if (r.exitCode !== 0 && r.exitCode !== 1)
            return errorOutcome(tool, `ruff exited ${r.exitCode}: ${firstLine(r.stderr || r.stdout)}`, command);
        let findings;
        try {
            findings = parseRuffJson(r.stdout, ctx.config.root);
        }
        catch (e) {
            return errorOutcome(tool, `ruff printed output that is not its JSON format (${e.message})`, command);
        }
        const rules = await ruffRules(t.command, t.prefix, ctx.config.root, new Set(findings.map(f => f.ruleId)));
        return {
            status: findings.length ? 'failed' : 'passed',
            tool,
            findings,
            rules,
            command,
            metrics: { violations: findings.length }
        };
    },
    gates(result, config) {
        return [
            maxGate('lint', 'ruff', result.findings.length, config.thresholds.lint, 'lint violations')
        ];
    }
};

;// CONCATENATED MODULE: ./src/checks/ruff-format.ts
// ruff format --check: one finding per Python file that would be reformatted, at its first
// changed position; a file that does not parse is its own finding and does not stop the others.







const ruff_format_INFO_URI = 'https://docs.astral.sh/ruff/formatter/';
/**
 * ruff ≥ 0.16 also formats Python code blocks inside Markdown files it finds under a directory.
 * This check is about Python sources, so only these count; others are reported in the metrics.
 */
const PYTHON_EXTENSIONS = new Set(['.py', '.pyi', '.ipynb']);
function isPythonSource(file) {
    return PYTHON_EXTENSIONS.has(external_node_path_default().extname(file).toLowerCase());
}
function toFinding(root, code, message, file, line, column) {
    const syntax = code === 'invalid-syntax';
    return {
        ruleId: syntax ? 'invalid-syntax' : 'format',
        level: syntax ? 'error' : 'warning',
        message: syntax
            ? `Cannot format: ${message}`
            : 'File would be reformatted by ruff format (first change here)',
        path: relPath(root, file),
        line,
        column,
        fingerprint: '',
        helpUri: ruff_format_INFO_URI
    };
}
function split(all) {
    const findings = [];
    const nonPython = [];
    for (const f of all) {
        if (isPythonSource(f.path))
            findings.push(f);
        else
            nonPython.push(f.path);
    }
    return { findings, nonPython };
}
/** `ruff format --check --output-format json` (ruff ≥ 0.9): an array of diagnostics. */
function parseFormatJson(stdout, root) {
    const data = JSON.parse(stdout);
    if (!Array.isArray(data))
        throw new Error('ruff format JSON output is not an array');
    const all = data.map(d => {
        if (typeof d?.filename !== 'string')
            throw new Error('diagnostic without a filename');
        return toFinding(root, d.code ?? 'invalid-syntax', d.message, d.filename, d.location?.row ?? 1, d.location?.column ?? 1);
    });
    return split(all);
}
/**
 * Older ruff without `--output-format` for format: `--diff` prints unified diffs (stdout) and
 * `error: Failed to parse FILE:L:C: msg` (stderr). The first hunk gives the first changed line.
 */
function parseFormatDiff(stdout, stderr, root) {
    const all = [];
    let current = null;
    let hunkSeen = false;
    const lines = stdout.split('\n');
    lines.forEach((line, i) => {
        const head = /^--- (.+?)\s*$/.exec(line);
        if (head && lines[i + 1]?.startsWith('+++ ')) {
            current = toFinding(root, 'format', '', head[1], 1, 1);
            all.push(current);
            hunkSeen = false;
            return;
        }
        const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(line);
        if (hunk && current && !hunkSeen) {
            // The hunk starts with unchanged context lines; the first -/+ line is the change.
            let n = Number(hunk[1]);
            for (let j = i + 1; j < lines.length && lines[j].startsWith(' '); j++)
                n++;
            current.line = Math.max(1, n);
            hunkSeen = true;
        }
    });
    for (const line of stderr.split('\n')) {
        const m = /^error: Failed to parse (.+?):(\d+):(\d+): (.*)$/.exec(line.trim());
        if (m)
            all.push(toFinding(root, 'invalid-syntax', m[4], m[1], Number(m[2]), Number(m[3])));
    }
    return split(all);
}
const RULES = {
    format: {
        id: 'format',
        name: 'unformatted',
        shortDescription: 'File is not formatted with ruff format',
        fullDescription: 'ruff format would change this file; the location is the first change it would make.',
        help: 'Run `ruff format` on the file (or the project) and commit the result.',
        helpUri: ruff_format_INFO_URI
    },
    'invalid-syntax': {
        id: 'invalid-syntax',
        name: 'invalid-syntax',
        shortDescription: 'File cannot be parsed, so it cannot be formatted',
        fullDescription: 'ruff format could not parse this file as Python and left it unchecked.',
        help: 'Fix the syntax error so the file parses.',
        helpUri: ruff_format_INFO_URI
    }
};
const ruffFormatCheck = {
    id: 'ruff-format',
    title: 'Formatting (ruff format)',
    weight: 1,
    async run(ctx) {
        const res = await ctx.tools.resolve(RUFF);
        if (!res.ok)
            return errorOutcome({ name: 'ruff', version: null, informationUri: ruff_format_INFO_URI }, res.reason);
        const t = res.tool;
        const tool = { name: 'ruff', version: t.version, informationUri: ruff_format_INFO_URI };
        const base = [...t.prefix, 'format', '--check', '--no-cache', '--force-exclude'];
        const opts = { cwd: ctx.config.root, env: toolEnv(t.env), timeoutMs: ctx.config.timeoutMs };
        let args = [...base, '--output-format', 'json', ...ctx.config.paths];
        let r = await run(t.command, args, opts);
        let legacy = false;
        if (r.exitCode === 2 && /unexpected argument '--output-format'/.test(r.stderr)) {
            legacy = true;
            args = [...base, '--diff', ...ctx.config.paths];
            r = await run(t.command, args, opts);
        }
        const command = [t.command, ...args];
        if (r.timedOut || r.spawnError)
            return errorOutcome(tool, `ruff format ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`, command);
        // Exit 2 is both "some file does not parse" (still a full report) and a usage error.
        if (r.exitCode !== 0 && r.exitCode !== 1 && r.exitCode !== 2)
            return errorOutcome(tool, `ruff format exited ${r.exitCode}: ${firstLine(r.stderr || r.stdout)}`, command);
        let parsed;
        try {
            parsed = legacy
                ? parseFormatDiff(r.stdout, r.stderr, ctx.config.root)
                : parseFormatJson(r.stdout, ctx.config.root);
        }
        catch (e) {
            return errorOutcome(tool, r.exitCode === 2
                ? `ruff format exited 2: ${firstLine(r.stderr || r.stdout)}`
                : `ruff format printed output that is not its JSON format (${e.message})`, command);
        }
        if (r.exitCode === 2 && !parsed.findings.some(f => f.ruleId === 'invalid-syntax'))
            return errorOutcome(tool, `ruff format exited 2: ${firstLine(r.stderr || r.stdout)}`, command);
        const { findings, nonPython } = parsed;
        const unformatted = findings.filter(f => f.ruleId === 'format').length;
        const rules = {};
        for (const f of findings)
            rules[f.ruleId] = RULES[f.ruleId];
        return {
            status: findings.length ? 'failed' : 'passed',
            tool,
            findings,
            rules,
            command,
            metrics: {
                unformatted,
                unparsable: findings.length - unformatted,
                nonPythonIgnored: nonPython.length
            }
        };
    },
    gates(result, config) {
        return [
            maxGate('format', 'ruff-format', result.findings.length, config.thresholds.format, 'files not formatted')
        ];
    }
};

;// CONCATENATED MODULE: ./src/checks/mypy.ts
// mypy (strict by default) with `-O json`, in the project root so its [tool.mypy] applies, with
// the project's interpreter and a per-project cache outside the project. One file that does not
// parse aborts a mypy run, so such files are reported and the run repeated without them.







const MYPY = { name: 'mypy', executable: 'mypy', module: 'mypy', pip: ['mypy'] };
const mypy_INFO_URI = 'https://mypy.readthedocs.io/';
const CODES_URI = 'https://mypy.readthedocs.io/en/stable/error_code_list.html';
/** Re-runs after excluding broken files; each pass must find a new broken file to go on. */
const MAX_PASSES = 6;
function lineOf(n) {
    return typeof n === 'number' && n > 0 ? n : 0;
}
/** JSON lines into findings: errors are findings, notes become the hint of the error before them. */
function parseMypyJson(stdout, root) {
    const findings = [];
    const text = [];
    let last = null;
    for (const raw of stdout.split('\n')) {
        const line = raw.trim();
        if (!line)
            continue;
        let m;
        try {
            if (!line.startsWith('{'))
                throw new Error('not JSON');
            m = JSON.parse(line);
            if (typeof m.file !== 'string' || typeof m.message !== 'string')
                throw new Error('shape');
        }
        catch {
            text.push(line);
            continue;
        }
        if (m.severity === 'note') {
            if (last) {
                last.hint = last.hint ? `${last.hint}\n${m.message}` : m.message;
                continue;
            }
            // A note with no error before it (reveal_type, reveal_locals) is information only.
        }
        const code = m.code ?? (m.severity === 'note' ? 'note' : 'misc');
        const f = {
            ruleId: code,
            level: m.severity === 'note' ? 'note' : 'error',
            message: m.message,
            path: relPath(root, m.file),
            line: lineOf(m.line),
            column: Math.max(1, (m.column ?? 0) + 1),
            fingerprint: '',
            helpUri: code === 'syntax' ? mypy_INFO_URI : `${CODES_URI}#${code}`,
            properties: { mypyColumn: m.column }
        };
        if (lineOf(m.end_line))
            f.endLine = lineOf(m.end_line);
        if (typeof m.end_column === 'number' && m.end_column >= 0)
            f.endColumn = m.end_column + 1;
        if (m.hint)
            f.hint = m.hint;
        findings.push(f);
        if (f.level === 'error')
            last = f;
    }
    return { findings, text };
}
/** A regex for mypy's --exclude that matches exactly one project-relative file. */
function excludePattern(rel) {
    return `(^|/)${rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}
/** Cache per project and settings: a warm cache replays the paths of the run that wrote it. */
function cacheKey(root, python, strict) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(`${root}\0${python}\0${strict}`).digest('hex').slice(0, 16);
}
function rulesFor(findings) {
    const rules = {};
    for (const f of findings) {
        if (rules[f.ruleId])
            continue;
        rules[f.ruleId] =
            f.ruleId === 'syntax'
                ? {
                    id: 'syntax',
                    name: 'syntax',
                    shortDescription: 'Python syntax error',
                    fullDescription: 'mypy could not parse this file; it was left out so the other files could be type-checked.',
                    help: 'Fix the syntax error so the file parses.',
                    helpUri: mypy_INFO_URI
                }
                : {
                    id: f.ruleId,
                    name: f.ruleId,
                    shortDescription: `mypy error code ${f.ruleId}`,
                    fullDescription: `mypy reports this with the error code [${f.ruleId}].`,
                    help: `See the mypy error code list for [${f.ruleId}], or add the annotation or fix mypy asks for.`,
                    helpUri: f.helpUri
                };
    }
    return rules;
}
const mypyCheck = {
    id: 'mypy',
    title: 'Types (mypy)',
    weight: 5,
    async run(ctx) {
        const res = await ctx.tools.resolve(MYPY);
        if (!res.ok)
            return errorOutcome({ name: 'mypy', version: null, informationUri: mypy_INFO_URI }, res.reason);
        const t = res.tool;
        const tool = { name: 'mypy', version: t.version, informationUri: mypy_INFO_URI };
        const { config } = ctx;
        const python = await ctx.tools.projectPython();
        const cacheDir = external_node_path_default().join(ctx.cacheDir, cacheKey(config.root, python, config.mypyStrict));
        const base = [
            ...t.prefix,
            '-O',
            'json',
            '--cache-dir',
            cacheDir,
            '--python-executable',
            python,
            ...(config.mypyStrict ? ['--strict'] : []),
            ...config.sourcePaths
        ];
        const opts = {
            cwd: config.root,
            env: toolEnv({ ...t.env, MYPY_FORCE_COLOR: '0' }),
            timeoutMs: config.timeoutMs
        };
        // CLI --exclude adds to the project's own exclude list rather than replacing it.
        const broken = new Set();
        const syntax = new Map();
        let command = [];
        let typeFindings = [];
        let leftover = '';
        for (let pass = 0; pass < MAX_PASSES; pass++) {
            const args = [...base, ...[...broken].flatMap(f => ['--exclude', excludePattern(f)])];
            command = [t.command, ...args];
            const r = await run(t.command, args, opts);
            if (r.timedOut || r.spawnError)
                return errorOutcome(tool, `mypy ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`, command);
            const parsed = parseMypyJson(r.stdout, config.root);
            const newSyntax = parsed.findings.filter(f => f.ruleId === 'syntax');
            for (const f of newSyntax)
                syntax.set(`${f.path}:${f.line}:${f.column}:${f.message}`, f);
            typeFindings = parsed.findings.filter(f => f.ruleId !== 'syntax');
            if (r.exitCode === 0 || r.exitCode === 1) {
                // A clean run prints one empty line; anything else without JSON is not mypy's output.
                if (parsed.findings.length === 0 && (r.exitCode === 1 || parsed.text.length > 0))
                    return errorOutcome(tool, `mypy printed no JSON diagnostics (exit ${r.exitCode}): ${firstLine(parsed.text.join('\n') || r.stderr)}`, command);
                leftover = '';
                break;
            }
            if (r.exitCode !== 2 || newSyntax.length === 0)
                return errorOutcome(tool, `mypy exited ${r.exitCode}: ${firstLine(r.stderr || parsed.text.join('\n') || r.stdout)}`, command);
            const fresh = [...new Set(newSyntax.map(f => f.path))].filter(p => !broken.has(p));
            if (fresh.length === 0) {
                // The broken file is reached through an import, which --exclude does not stop.
                leftover = `files that import ${[...new Set(newSyntax.map(f => f.path))].join(', ')} could not be type-checked`;
                typeFindings = [];
                break;
            }
            for (const p of fresh)
                broken.add(p);
            leftover = 'too many files with syntax errors; the rest was not type-checked';
        }
        const findings = [...syntax.values(), ...typeFindings];
        const errors = findings.filter(f => f.level === 'error').length;
        return {
            status: errors ? 'failed' : 'passed',
            reason: leftover || undefined,
            tool,
            findings,
            rules: rulesFor(findings),
            command,
            metrics: {
                errors,
                syntaxErrors: syntax.size,
                filesWithErrors: new Set(findings.filter(f => f.level === 'error').map(f => f.path)).size,
                unparsableFiles: [...broken],
                strict: config.mypyStrict
            }
        };
    },
    gates(result, config) {
        const errors = result.findings.filter(f => f.level === 'error').length;
        return [maxGate('types', 'mypy', errors, config.thresholds.typeErrors, 'type errors')];
    }
};

;// CONCATENATED MODULE: ./src/checks/junit.ts
// A small JUnit XML reader for pytest's --junitxml: testsuites/testsuite/testcase with
// failure/error/skipped children. Only the elements and attributes pymaint reads; no DTDs.
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeXml(s) {
    return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e) => {
        if (e[0] === '#') {
            const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
            return Number.isFinite(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
        }
        return ENTITIES[e.toLowerCase()] ?? all;
    });
}
function attrs(s) {
    const out = {};
    for (const m of s.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
        out[m[1]] = decodeXml(m[3] ?? m[4] ?? '');
    return out;
}
function junit_text(s) {
    // CDATA sections are kept verbatim, everything else is entity-decoded.
    let out = '';
    let rest = s;
    for (;;) {
        const i = rest.indexOf('<![CDATA[');
        if (i < 0)
            break;
        const j = rest.indexOf(']]>', i);
        if (j < 0)
            break;
        out += decodeXml(rest.slice(0, i).replace(/<[^>]*>/g, '')) + rest.slice(i + 9, j);
        rest = rest.slice(j + 3);
    }
    return out + decodeXml(rest.replace(/<[^>]*>/g, ''));
}
const RANK = { passed: 0, skipped: 1, error: 2, failed: 3 };
/** Every testcase in document order; throws when the text is not a JUnit report. */
function parseJUnit(xml) {
    const body = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');
    if (!/<testsuites?\b/.test(body))
        throw new Error('no <testsuite> element');
    const cases = [];
    const re = /<testcase\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/>|>([\s\S]*?)<\/testcase\s*>)/g;
    for (const m of body.matchAll(re)) {
        const a = attrs(m[1]);
        const inner = m[3] ?? '';
        const c = {
            classname: a.classname ?? '',
            name: a.name ?? '',
            outcome: 'passed',
            message: '',
            details: ''
        };
        if (a.file)
            c.file = a.file;
        if (a.line !== undefined && /^\d+$/.test(a.line))
            c.line = Number(a.line);
        // A test can fail in its call and error in teardown: the failure is what it is counted as.
        const child = /<(failure|error|skipped)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/>|>([\s\S]*?)<\/\1\s*>)/g;
        for (const e of inner.matchAll(child)) {
            const kind = e[1] === 'failure' ? 'failed' : e[1] === 'error' ? 'error' : 'skipped';
            if (RANK[kind] <= RANK[c.outcome])
                continue;
            const ea = attrs(e[2]);
            c.outcome = kind;
            c.message = ea.message ?? '';
            c.details = junit_text(e[4] ?? '');
            if (ea.type)
                c.type = ea.type;
        }
        cases.push(c);
    }
    return cases;
}
function countCases(cases) {
    const n = { total: cases.length, passed: 0, failed: 0, errors: 0, skipped: 0 };
    for (const c of cases) {
        if (c.outcome === 'passed')
            n.passed++;
        else if (c.outcome === 'failed')
            n.failed++;
        else if (c.outcome === 'error')
            n.errors++;
        else
            n.skipped++;
    }
    return n;
}

;// CONCATENATED MODULE: ./src/checks/pytest.ts
// pytest + coverage in the project's environment: results from JUnit XML and coverage JSON
// written to the check's temp dir (never the project), one finding per failed or errored test.









const PYTEST = {
    name: 'pytest',
    module: 'pytest',
    pip: ['pytest', 'pytest-cov'],
    requires: ['pytest_cov'],
    projectEnv: true
};
const pytest_INFO_URI = 'https://docs.pytest.org/';
/** `coverage json` totals (percent_covered includes branches when branch coverage is on). */
function parseCoverageJson(text) {
    const d = JSON.parse(text);
    const t = d.totals;
    if (!t || typeof t.percent_covered !== 'number')
        throw new Error('no totals.percent_covered');
    const num = (k) => (typeof t[k] === 'number' ? t[k] : 0);
    return {
        percent: t.percent_covered,
        covered: num('covered_lines'),
        statements: num('num_statements'),
        missing: num('missing_lines')
    };
}
/** The line in the test file where it failed: the traceback's frame in that file, else its def. */
function failureLine(c, file) {
    if (file) {
        const base = file.split('/').pop();
        for (const m of c.details.matchAll(/^\s*(\S[^\n:]*?):(\d+):/gm)) {
            const p = m[1].replace(/\\/g, '/');
            if (p === file || p.endsWith(`/${file}`) || (p.endsWith(`/${base}`) && !file.includes('/')))
                return Number(m[2]);
        }
    }
    return c.line !== undefined ? c.line + 1 : 0;
}
/** First meaningful line of a failure: the message, or the traceback's `E   ` line. */
function failureMessage(c) {
    const msg = c.message.split('\n')[0].trim();
    if (msg && msg !== 'collection failure')
        return msg;
    const e = /^E\s+(.+)$/m.exec(c.details);
    return e ? e[1].trim() : msg || (c.outcome === 'error' ? 'test error' : 'test failed');
}
function caseFindings(cases, root) {
    const out = [];
    for (const c of cases) {
        if (c.outcome !== 'failed' && c.outcome !== 'error')
            continue;
        const file = c.file ? relPath(root, c.file) : undefined;
        const collection = !c.classname && c.message === 'collection failure';
        const id = collection ? c.name : `${c.classname}::${c.name}`;
        out.push({
            ruleId: c.outcome === 'failed' ? 'test-failure' : 'test-error',
            level: 'error',
            message: `${collection ? 'collection of' : c.outcome === 'failed' ? 'test' : 'error in'} ${id}: ${failureMessage(c)}`,
            path: file ?? '',
            line: failureLine(c, file),
            column: 0,
            fingerprint: '',
            helpUri: pytest_INFO_URI,
            snippet: c.details.slice(0, 4000) || undefined,
            properties: { test: id, classname: c.classname, name: c.name }
        });
    }
    return out;
}
const pytest_RULES = {
    'test-failure': {
        id: 'test-failure',
        name: 'test-failure',
        shortDescription: 'A test failed',
        fullDescription: 'An assertion or an exception in the test body made it fail.',
        help: 'Run the test locally with `pytest -x <file>::<test>` and fix the code or the test.',
        helpUri: pytest_INFO_URI
    },
    'test-error': {
        id: 'test-error',
        name: 'test-error',
        shortDescription: 'A test errored (setup, teardown or collection)',
        fullDescription: 'The test could not run: a fixture failed, or its module could not be imported (collection error).',
        help: 'Read the traceback: usually an import error or a broken fixture.',
        helpUri: pytest_INFO_URI
    }
};
/** Tool caches a test run may leave at the project root that no flag turns off everywhere. */
const RUN_LEFTOVERS = [
    /^\.pytest_cache$/,
    /^\.coverage(\..+)?$/,
    /^\.benchmarks$/,
    /^\.hypothesis$/
];
async function rootEntries(root) {
    try {
        return new Set(await (0,promises_namespaceObject.readdir)(root));
    }
    catch {
        return new Set();
    }
}
/** Removes what this run created at the root and nothing that was there before. */
async function removeLeftovers(root, before) {
    const removed = [];
    for (const e of await rootEntries(root)) {
        if (before.has(e) || !RUN_LEFTOVERS.some(r => r.test(e)))
            continue;
        await (0,promises_namespaceObject.rm)(external_node_path_default().join(root, e), { recursive: true, force: true });
        removed.push(e);
    }
    return removed;
}
function passRate(t) {
    const ran = t.total - t.skipped;
    return ran > 0 ? (t.passed / ran) * 100 : null;
}
const pytestCheck = {
    id: 'pytest',
    title: 'Tests and coverage (pytest)',
    weight: 6,
    async run(ctx) {
        const res = await ctx.tools.resolve(PYTEST);
        if (!res.ok)
            return errorOutcome({ name: 'pytest', version: null, informationUri: pytest_INFO_URI }, res.reason);
        const t = res.tool;
        const tool = { name: 'pytest', version: t.version, informationUri: pytest_INFO_URI };
        const { config } = ctx;
        const junit = external_node_path_default().join(ctx.tmpDir, 'junit.xml');
        const covJson = external_node_path_default().join(ctx.tmpDir, 'coverage.json');
        const args = [
            ...t.prefix,
            '-p',
            'no:cacheprovider',
            // xunit1 carries each test's file and line.
            '-o',
            'junit_family=xunit1',
            `--junitxml=${junit}`,
            ...config.coverageSource.map(s => `--cov=${s}`),
            `--cov-report=json:${covJson}`,
            '--cov-report=',
            // The project's own fail-under would turn a pass into exit 1; pymaint's gate decides.
            '--cov-fail-under=0',
            '--color=no',
            ...config.testPaths
        ];
        const command = [t.command, ...args];
        const before = await rootEntries(config.root);
        const r = await run(t.command, args, {
            cwd: config.root,
            env: toolEnv({ ...t.env, COVERAGE_FILE: external_node_path_default().join(ctx.tmpDir, '.coverage') }),
            timeoutMs: config.timeoutMs
        });
        const removed = await removeLeftovers(config.root, before);
        if (removed.length)
            ctx.log(`pytest: removed ${removed.join(', ')} left in the project`);
        if (r.timedOut || r.spawnError)
            return errorOutcome(tool, `pytest ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`, command);
        // 0 passed, 1 failures, 2 interrupted (collection errors), 5 no tests: all report in XML.
        if (![0, 1, 2, 5].includes(r.exitCode) || !(0,external_node_fs_namespaceObject.existsSync)(junit)) {
            const why = r.stderr.split('\n').find(l => /error/i.test(l)) ?? firstLine(r.stderr || r.stdout);
            return errorOutcome(tool, `pytest exited ${r.exitCode}${(0,external_node_fs_namespaceObject.existsSync)(junit) ? '' : ' without a JUnit report'}: ${why.trim() || firstLine(r.stdout)}`, command);
        }
        let cases;
        try {
            cases = parseJUnit(await (0,promises_namespaceObject.readFile)(junit, 'utf8'));
        }
        catch (e) {
            return errorOutcome(tool, `pytest's JUnit report is unreadable: ${e.message}`);
        }
        const tests = countCases(cases);
        let coverage = null;
        let coverageNote = '';
        if ((0,external_node_fs_namespaceObject.existsSync)(covJson)) {
            try {
                coverage = parseCoverageJson(await (0,promises_namespaceObject.readFile)(covJson, 'utf8'));
            }
            catch (e) {
                coverageNote = `coverage report unreadable: ${e.message}`;
            }
        }
        else
            coverageNote = 'no coverage data (the test run stopped before measuring)';
        const findings = caseFindings(cases, config.root);
        let reason;
        if (r.exitCode === 2)
            reason = `pytest was interrupted (${tests.errors} error(s) during collection); ${tests.passed + tests.failed} test(s) ran`;
        else if (r.exitCode === 5 || tests.total === 0)
            reason = 'no tests were collected';
        else if (r.exitCode === 1 && findings.length === 0)
            reason = `pytest exited 1 but its report shows no failure: ${firstLine(r.stdout.split('\n').slice(-3).join('\n'))}`;
        const rate = passRate(tests);
        return {
            status: findings.length || r.exitCode === 2 ? 'failed' : 'passed',
            reason: reason ?? (coverageNote || undefined),
            tool,
            findings,
            rules: Object.fromEntries([...new Set(findings.map(f => f.ruleId))].map(id => [id, pytest_RULES[id]])),
            command,
            metrics: {
                tests: { ...tests, passRate: rate === null ? null : Math.round(rate * 100) / 100 },
                coverage: coverage ?? {
                    percent: null,
                    covered: null,
                    statements: null,
                    missing: null
                }
            }
        };
    },
    gates(result, config) {
        const m = result.metrics;
        const tests = m.tests;
        const rate = tests ? passRate(tests) : null;
        const testsGate = minGate('tests', 'pytest', rate, config.thresholds.testPassRate, 'pass rate');
        if (rate === null)
            testsGate.message = `no tests ran (at least ${config.thresholds.testPassRate}% must pass)`;
        const pct = m.coverage?.percent;
        const covGate = minGate('coverage', 'pytest', typeof pct === 'number' ? pct : null, config.thresholds.coverage, 'line coverage');
        return [testsGate, covGate];
    }
};

;// CONCATENATED MODULE: ./src/checks/registry.ts




const BUILTIN = {
    ruff: ruffCheck,
    'ruff-format': ruffFormatCheck,
    mypy: mypyCheck,
    pytest: pytestCheck
};
function builtinCheck(id) {
    return BUILTIN[id];
}
/** The checks a config selects, in its order; ids without a module yet are left out. */
function checksFor(config) {
    const out = [];
    for (const id of config.checks) {
        const c = BUILTIN[id];
        if (c)
            out.push(c);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/findings/fingerprints.ts
// Finding fingerprints: GitHub code scanning's primaryLocationLineHash (the rolling line hash
// codeql-action documents), so alerts keep their identity when unrelated lines move them.



// The hash of a line covers the next BLOCK non-whitespace characters from its start (spilling
// into the following lines), in base 37 modulo 2^64; ':N' numbers repeats of the same value.
const BLOCK = 100;
const BASE = 37n;
const MASK = (1n << 64n) - 1n;
const EOF = 0xffff;
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BASE_POW_BLOCK = (() => {
    let p = 1n;
    for (let i = 0; i < BLOCK; i++)
        p = (p * BASE) & MASK;
    return p;
})();
/** primaryLocationLineHash of every line of `text` (index 0 = line 1). */
function lineHashes(text) {
    const window = new Array(BLOCK).fill(0);
    // Line number that starts at each window slot, or -1.
    const starts = new Array(BLOCK).fill(-1);
    const out = [];
    const seen = new Map();
    let h = 0n;
    let at = 0;
    let line = 0;
    let atLineStart = true;
    let afterCR = false;
    const emit = () => {
        const hex = h.toString(16);
        const n = (seen.get(hex) ?? 0) + 1;
        seen.set(hex, n);
        out[starts[at] - 1] = `${hex}:${n}`;
        starts[at] = -1;
    };
    const push = (c) => {
        const leaving = window[at];
        window[at] = c;
        h = (BASE * h + BigInt(c) - BASE_POW_BLOCK * BigInt(leaving)) & MASK;
        at = (at + 1) % BLOCK;
    };
    const take = (code) => {
        let c = code;
        // Whitespace inside a line does not count, and CRLF is one line ending.
        if (c === SPACE || c === TAB || (afterCR && c === LF)) {
            afterCR = false;
            return;
        }
        afterCR = c === CR;
        if (c === CR)
            c = LF;
        if (starts[at] !== -1)
            emit();
        if (atLineStart) {
            atLineStart = false;
            starts[at] = ++line;
        }
        if (c === LF)
            atLineStart = true;
        push(c);
    };
    for (let i = 0; i < text.length; i++)
        take(text.charCodeAt(i));
    take(EOF);
    for (let i = 0; i < BLOCK; i++) {
        if (starts[at] !== -1)
            emit();
        push(0);
    }
    return out;
}
/** A stable id for findings that have no file line (a vulnerable package, a missing file). */
function fallbackFingerprint(f) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256')
        .update(`${f.ruleId}\0${f.path}\0${f.path && f.line > 0 ? '' : f.message}`)
        .digest('hex')
        .slice(0, 16);
}
/**
 * Fills each finding's fingerprint: the line hash of its start line (clamped to the file) when
 * the file can be read, a hash of rule, path and message otherwise.
 */
async function fingerprintFindings(findings, root) {
    const files = new Map();
    const hashes = (p) => {
        let f = files.get(p);
        if (!f) {
            f = (0,promises_namespaceObject.readFile)(external_node_path_default().join(root, p), 'utf8').then(lineHashes, () => null);
            files.set(p, f);
        }
        return f;
    };
    for (const f of findings) {
        if (f.fingerprint)
            continue;
        const lines = f.path ? await hashes(f.path) : null;
        if (lines && lines.length > 0) {
            const line = Math.min(Math.max(f.line, 1), lines.length);
            f.fingerprint = lines[line - 1];
        }
        else
            f.fingerprint = fallbackFingerprint(f);
    }
}

;// CONCATENATED MODULE: ./src/version.ts
// pymaint's version, reported in report.json and SARIF; kept in step with package.json by a test.
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/engine.ts
// The scan: plan the checks, run them side by side (bounded by the core count, heaviest first),
// fingerprint findings and evaluate gates. Shared by the CLI and the action; writes nothing
// into the project and nothing outside its own temp dir.








async function runPool(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}
async function runOne(check, config, tools, tmpRoot, log) {
    const started = Date.now();
    const tmpDir = external_node_path_default().join(tmpRoot, check.id);
    await (0,promises_namespaceObject.mkdir)(tmpDir, { recursive: true });
    const cacheDir = external_node_path_default().join(toolsHome(), 'cache', check.id);
    let result;
    try {
        const o = await check.run({ config, tools, tmpDir, cacheDir, log });
        result = {
            id: check.id,
            title: check.title,
            status: o.status,
            reason: o.reason,
            tool: o.tool,
            durationMs: 0,
            findings: o.findings,
            metrics: o.metrics ?? {},
            rules: o.rules,
            command: o.command
        };
    }
    catch (e) {
        // A bug or an unexpected tool behaviour stays inside its check.
        result = {
            id: check.id,
            title: check.title,
            status: 'error',
            reason: `internal error: ${e.message}`,
            tool: { name: check.id, version: null },
            durationMs: 0,
            findings: [],
            metrics: {}
        };
    }
    try {
        await fingerprintFindings(result.findings, config.root);
    }
    catch {
        /* fingerprints are best effort; reports still work without them */
    }
    result.durationMs = Date.now() - started;
    return result;
}
async function scan(config, opts = {}) {
    const started = Date.now();
    const log = opts.log ?? (() => undefined);
    const checks = checksFor(config);
    const tools = new ToolResolver(config);
    const tmpBase = process.env.RUNNER_TEMP && external_node_path_default().isAbsolute(process.env.RUNNER_TEMP)
        ? process.env.RUNNER_TEMP
        : external_node_os_default().tmpdir();
    await (0,promises_namespaceObject.mkdir)(tmpBase, { recursive: true });
    const tmpRoot = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(tmpBase, 'pymaint-'));
    const limit = opts.concurrency ?? Math.max(1, external_node_os_default().availableParallelism());
    const byWeight = [...checks].sort((a, b) => b.weight - a.weight);
    let results;
    try {
        const done = await runPool(byWeight, limit, async (c) => {
            const r = await runOne(c, config, tools, tmpRoot, log);
            opts.onCheckDone?.(r);
            return r;
        });
        // Report in the configured order, not in completion order.
        results = config.checks
            .map(id => done.find(r => r.id === id))
            .filter((r) => !!r);
    }
    finally {
        await (0,promises_namespaceObject.rm)(tmpRoot, { recursive: true, force: true });
    }
    const gates = evaluateGates(results, checks, config);
    return {
        schemaVersion: 1,
        status: verdictOf(gates),
        generatedAt: new Date().toISOString(),
        durationMs: Date.now() - started,
        pymaint: { version: VERSION },
        project: { name: external_node_path_default().basename(config.root), root: config.root },
        checks: results,
        gates
    };
}

;// CONCATENATED MODULE: ./src/reports/checklist.ts
const ICON = { passed: '✅', failed: '❌', error: '⚠️', skipped: '⏭️' };
const VERDICT = { passing: '✅ passing', warning: '⚠️ warning', failing: '❌ failing' };
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)}s`;
}
function checkLine(r) {
    const n = r.findings.length;
    let detail;
    if (r.status === 'error' || r.status === 'skipped')
        detail = r.reason ?? r.status;
    else if (r.id === 'pytest') {
        const t = (r.metrics.tests ?? {});
        const cov = r.metrics.coverage?.percent;
        detail = `${t.passed ?? 0} passed, ${t.failed ?? 0} failed${cov !== undefined ? `, coverage ${cov.toFixed(1)}%` : ''}`;
    }
    else
        detail = n === 0 ? 'no findings' : `${n} finding${n === 1 ? '' : 's'}`;
    const version = r.tool.version ? ` ${r.tool.version}` : '';
    return `${ICON[r.status]} ${r.title.padEnd(30)} ${detail}  (${r.tool.name}${version}, ${seconds(r.durationMs)})`;
}
function renderChecklist(report) {
    const lines = ['🔧 pymaint checks', '================'];
    for (const r of report.checks)
        lines.push(checkLine(r));
    lines.push('');
    for (const g of report.gates)
        lines.push(`${g.status === 'passed' ? '✅' : g.status === 'warning' ? '⚠️' : '❌'} gate ${g.id}: ${g.message}`);
    lines.push('', `Verdict: ${VERDICT[report.status]} (${seconds(report.durationMs)})`);
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/reports/json.ts
function renderJson(report) {
    return JSON.stringify(report, null, 2) + '\n';
}

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/reports/sources.ts
// Read-only access to the project's source lines, for clamping report positions to the real
// file and for snippets. Cached; unreadable or huge files count as absent.


const MAX_BYTES = 8 * 1024 * 1024;
function projectSources(root) {
    const cache = new Map();
    return {
        lines(file) {
            if (!file)
                return null;
            let got = cache.get(file);
            if (got !== undefined)
                return got;
            got = null;
            try {
                const abs = external_node_path_default().resolve(root, file);
                if (abs.startsWith(external_node_path_default().resolve(root) + (external_node_path_default()).sep) && (0,external_node_fs_namespaceObject.statSync)(abs).size <= MAX_BYTES)
                    got = (0,external_node_fs_namespaceObject.readFileSync)(abs, 'utf8').split(/\r\n|\r|\n/);
            }
            catch {
                /* absent, a directory or unreadable: positions stay as the tool gave them */
            }
            cache.set(file, got);
            return got;
        }
    };
}
/** No file access at all (tests, benchmarks of the pure renderers). */
const noSources = { lines: () => null };

;// CONCATENATED MODULE: ./src/reports/sarif.ts
// SARIF 2.1.0, one file and one run per check, shaped for GitHub code scanning: full rule
// metadata, repo-relative URIs, clamped regions, line-hash fingerprints and GitHub's size limits.




const MAX_RESULTS = 25_000;
const MAX_GZIP_BYTES = 10 * 1024 * 1024;
const PYMAINT_URI = 'https://github.com/pymaint/pymaint';
const SECURITY_CHECKS = new Set(['bandit', 'pip-audit', 'safety']);
const SEVERITY_SCORE = { high: 8.0, medium: 5.5, low: 3.0 };
const TOOL_URIS = {
    ruff: 'https://docs.astral.sh/ruff/',
    mypy: 'https://mypy.readthedocs.io/',
    bandit: 'https://bandit.readthedocs.io/',
    'pip-audit': 'https://github.com/pypa/pip-audit',
    safety: 'https://github.com/pyupio/safety',
    pytest: 'https://docs.pytest.org/'
};
/** Where a finding without a file (a vulnerable package) is shown: the first that exists. */
const MANIFESTS = ['requirements.txt', 'pyproject.toml', 'setup.cfg', 'setup.py', 'Pipfile'];
function isHttpUri(u) {
    return !!u && /^https?:\/\/[^\s]+$/i.test(u);
}
/** Larger = more severe: level first, then the security score, then tool severity. */
function severityRank(f, rules) {
    const level = { error: 3, warning: 2, note: 1 }[f.level] ?? 0;
    const score = rules?.[f.ruleId]?.securitySeverity ?? 0;
    const sev = f.severity ? { high: 3, medium: 2, low: 1 }[f.severity] : 0;
    return level * 1000 + Math.round(score * 10) * 4 + sev;
}
function sortBySeverity(findings, rules) {
    const ranks = new Map();
    for (const f of findings)
        ranks.set(f, severityRank(f, rules));
    return [...findings].sort((a, b) => ranks.get(b) - ranks.get(a));
}
function encodeUri(p) {
    return p.split('/').map(encodeURIComponent).join('/');
}
/** Code-point column (1-based) to a UTF-16 column, clamped to the line. */
function utf16Column(line, cp) {
    const chars = Array.from(line);
    const c = Math.min(Math.max(cp, 1), chars.length + 1);
    let units = 0;
    for (let i = 0; i < c - 1; i++)
        units += chars[i].length;
    return units + 1;
}
function region(f, lines) {
    if (!lines) {
        const r = { startLine: Math.max(1, f.line) };
        if (f.line > 0 && f.column > 0)
            r.startColumn = f.column;
        if (f.line > 0 && f.endLine && f.endLine >= f.line) {
            r.endLine = f.endLine;
            if (f.endColumn && f.endColumn > 0 && (f.endLine > f.line || f.endColumn >= f.column))
                r.endColumn = f.endColumn;
        }
        return r;
    }
    const last = Math.max(1, lines.length);
    const startLine = Math.min(Math.max(1, f.line), last);
    const r = { startLine };
    if (f.line < 1 || f.column < 1)
        return r;
    r.startColumn = utf16Column(lines[startLine - 1] ?? '', f.column);
    if (f.endLine && f.endLine >= f.line) {
        const endLine = Math.min(f.endLine, last);
        if (endLine > startLine || f.endLine === f.line) {
            r.endLine = endLine;
            if (f.endColumn && f.endColumn > 0) {
                const endColumn = utf16Column(lines[endLine - 1] ?? '', f.endColumn);
                if (endLine > startLine || endColumn >= r.startColumn)
                    r.endColumn = endColumn;
            }
        }
    }
    return r;
}
function ruleDescriptor(id, meta, check, sample) {
    const short = meta?.shortDescription || meta?.name || sample.message || id;
    const full = meta?.fullDescription || short;
    const helpUri = [meta?.helpUri, sample.helpUri].find(isHttpUri);
    const helpText = meta?.help || (helpUri ? `${full}\n\nSee ${helpUri}` : full);
    const help = { text: helpText, markdown: helpUri ? `${helpText}\n\n[Documentation](${helpUri})` : helpText };
    const d = {
        id,
        shortDescription: { text: oneLine(short) },
        fullDescription: { text: full },
        help
    };
    if (meta?.name && meta.name !== id)
        d.name = meta.name;
    if (helpUri)
        d.helpUri = helpUri;
    const tags = [...(meta?.tags ?? [])];
    const props = {};
    if (SECURITY_CHECKS.has(check.id)) {
        if (!tags.includes('security'))
            tags.push('security');
        const score = meta?.securitySeverity ??
            (sample.severity ? SEVERITY_SCORE[sample.severity] : sample.level === 'error' ? 7.0 : 4.0);
        props['security-severity'] = score.toFixed(1);
    }
    if (tags.length)
        props.tags = tags.slice(0, 20);
    if (Object.keys(props).length)
        d.properties = props;
    return d;
}
function oneLine(s) {
    const l = s.split('\n')[0].trim();
    return l.length > 1000 ? `${l.slice(0, 997)}...` : l || 'rule';
}
function defaultManifest(config, sources) {
    for (const m of [...config.requirements, ...MANIFESTS])
        if (sources.lines(m))
            return m;
    return null;
}
function sarifOptions(config, sources, version) {
    const rel = external_node_path_default().relative(config.workspace, config.root).split((external_node_path_default()).sep).join('/');
    return {
        prefix: rel && !rel.startsWith('..') ? `${rel}/` : '',
        srcRoot: rel.startsWith('..') ? config.root : config.workspace,
        manifest: defaultManifest(config, sources),
        sources,
        pymaintVersion: version
    };
}
/** The SARIF log of one check. */
function renderSarif(check, o) {
    const sources = o.sources ?? noSources;
    const notifications = [];
    const ordered = sortBySeverity(check.findings, check.rules);
    const placeable = [];
    let unplaceable = 0;
    for (const f of ordered) {
        if (f.path || o.manifest)
            placeable.push(f);
        else
            unplaceable++;
    }
    if (unplaceable)
        notifications.push({
            level: 'warning',
            descriptor: { id: 'pymaint/no-location' },
            message: {
                text: `${unplaceable} finding${unplaceable === 1 ? '' : 's'} without a file were left out: no requirements file or pyproject.toml to attach them to.`
            }
        });
    let limit = Math.min(placeable.length, o.maxResults ?? MAX_RESULTS);
    const maxGzip = o.maxGzipBytes ?? MAX_GZIP_BYTES;
    const success = check.status === 'passed' || check.status === 'failed';
    if (!success)
        notifications.push({
            level: 'error',
            descriptor: { id: 'pymaint/check-error' },
            message: { text: `${check.title}: ${check.status}: ${check.reason ?? 'no reason given'}` }
        });
    const results = [];
    const rules = [];
    const ruleIndex = new Map();
    for (const f of placeable) {
        let idx = ruleIndex.get(f.ruleId);
        if (idx === undefined) {
            idx = rules.length;
            ruleIndex.set(f.ruleId, idx);
            rules.push(ruleDescriptor(f.ruleId, check.rules?.[f.ruleId], check, f));
        }
        const file = f.path || o.manifest;
        const loc = {
            physicalLocation: {
                artifactLocation: { uri: encodeUri(o.prefix + file), uriBaseId: '%SRCROOT%' },
                region: f.path ? region(f, sources.lines(f.path)) : { startLine: 1 }
            }
        };
        const r = {
            ruleId: f.ruleId,
            ruleIndex: idx,
            level: f.level,
            message: { text: f.message || f.ruleId },
            locations: [loc]
        };
        if (f.fingerprint)
            r.partialFingerprints = { primaryLocationLineHash: f.fingerprint };
        results.push(r);
    }
    const build = (n) => {
        const kept = results.slice(0, n);
        const used = new Set(kept.map(r => r.ruleId));
        // Keep rule indexes valid when truncation drops rules.
        const keptRules = rules.filter(r => used.has(r.id));
        const reindex = new Map(keptRules.map((r, i) => [r.id, i]));
        const notes = [...notifications];
        const omitted = placeable.length - n;
        if (omitted > 0)
            notes.push({
                level: 'warning',
                descriptor: { id: 'pymaint/truncated' },
                message: {
                    text: `${omitted} of ${placeable.length} results were left out to stay within GitHub's limits (${o.maxResults ?? MAX_RESULTS} results, ${Math.round(maxGzip / 1048576)} MB gzipped per upload); the ${n} most severe are kept. report.json has them all.`
                }
            });
        const tool = check.tool;
        const driver = {
            name: tool.name || check.id,
            informationUri: [tool.informationUri, TOOL_URIS[tool.name], PYMAINT_URI].find(isHttpUri),
            rules: keptRules
        };
        if (tool.version)
            driver.version = tool.version;
        const run = {
            tool: { driver },
            automationDetails: { id: `pymaint/${check.id}/` },
            originalUriBaseIds: { '%SRCROOT%': { uri: (0,external_node_url_namespaceObject.pathToFileURL)(o.srcRoot).href.replace(/\/?$/, '/') } },
            invocations: [
                { executionSuccessful: success, ...(notes.length ? { toolExecutionNotifications: notes } : {}) }
            ],
            results: kept.map(r => ({ ...r, ruleIndex: reindex.get(r.ruleId) })),
            columnKind: 'utf16CodeUnits',
            properties: { pymaintVersion: o.pymaintVersion, checkStatus: check.status, omittedResults: omitted }
        };
        const log = {
            $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
            version: '2.1.0',
            runs: [run]
        };
        return { log, text: JSON.stringify(log) + '\n' };
    };
    let out = build(limit);
    // Shrink in proportion to the excess until the gzipped upload fits.
    for (let size = (0,external_node_zlib_namespaceObject.gzipSync)(out.text).length; size > maxGzip && limit > 0;) {
        limit = Math.max(0, Math.floor(limit * (maxGzip / size) * 0.95));
        out = build(limit);
        size = (0,external_node_zlib_namespaceObject.gzipSync)(out.text).length;
    }
    return {
        ...out,
        kept: limit,
        omitted: placeable.length - limit + unplaceable,
        uploadable: success
    };
}
/** One SARIF run per check that ran; skipped checks produce none. */
function renderAllSarif(report, o) {
    const out = {};
    for (const c of report.checks)
        if (c.status !== 'skipped')
            out[c.id] = renderSarif(c, o);
    return out;
}

;// CONCATENATED MODULE: ./src/reports/write.ts
// Writes every report file into the report directory: report.json, report.html, summary.md,
// badge.svg, badge.json and sarif/<check-id>.sarif. The renderers are pure; this is the I/O.





async function writeReports(report, config, sources = projectSources(config.root)) {
    const dir = config.outDir;
    await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
    const files = [];
    const put = async (name, content) => {
        const p = external_node_path_default().join(dir, name);
        await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(p), { recursive: true });
        await (0,promises_namespaceObject.writeFile)(p, content);
        files.push(p);
        return p;
    };
    const json = await put('report.json', renderJson(report));
    const sarif = {};
    const sarifNotUploadable = {};
    const runs = renderAllSarif(report, sarifOptions(config, sources, report.pymaint.version));
    for (const [id, r] of Object.entries(runs)) {
        const p = await put(external_node_path_default().join('sarif', `${id}.sarif`), r.text);
        if (r.uploadable)
            sarif[id] = p;
        else {
            const c = report.checks.find(x => x.id === id);
            sarifNotUploadable[id] = { path: p, reason: `${id} ${c?.status}: ${c?.reason ?? ''}`.trim() };
        }
    }
    return { dir, json, files, sarif, sarifNotUploadable };
}

;// CONCATENATED MODULE: ./src/cli.ts
// The local CLI: same engine as the action, a checklist on the terminal, exit 0/1/2.










const USAGE = `usage: pymaint [PATH] [--checks a,b] [--out DIR] [--config FILE] [--fail-on failing|warning|never]
               [--python PYTHON] [--install-tools missing|always|never] [--quiet] [--version]
  Every [tool.pymaint] setting can also be given as --<name> VALUE (see README).`;
const defaultIO = {
    out: s => process.stdout.write(s),
    err: s => process.stderr.write(s),
    cwd: process.cwd()
};
async function main(argv, io = defaultIO) {
    const flagOptions = {
        config: { type: 'string' },
        help: { type: 'boolean' },
        version: { type: 'boolean' },
        quiet: { type: 'boolean' }
    };
    for (const o of OPTIONS)
        if (o.from.cli)
            flagOptions[o.name] = { type: 'string' };
    let parsed;
    // `--coverage-threshold -5` is a value, not a flag: join it so validation can name the problem.
    const args = [];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const name = a.startsWith('--') ? a.slice(2) : '';
        const next = argv[i + 1];
        if (flagOptions[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
            args.push(`${a}=${next}`);
            i++;
        }
        else
            args.push(a);
    }
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args, options: flagOptions, allowPositionals: true, strict: true });
    }
    catch (e) {
        io.err(`pymaint: error: ${e.message.split('\n')[0]} (see pymaint --help)\n`);
        return 2;
    }
    const v = parsed.values;
    if (v.help) {
        io.out(USAGE + '\n');
        return 0;
    }
    if (v.version) {
        io.out(`pymaint ${VERSION}\n`);
        return 0;
    }
    if (parsed.positionals.length > 1) {
        io.err(`pymaint: error: PATH: give one project directory, got ${parsed.positionals.length}\n`);
        return 2;
    }
    const explicit = {};
    for (const o of OPTIONS)
        if (o.from.cli && typeof v[o.name] === 'string')
            explicit[o.name] = v[o.name];
    let config;
    try {
        config = loadConfig({
            explicit,
            source: 'flag',
            workspace: io.cwd,
            project: parsed.positionals[0] ?? '.',
            configFile: typeof v.config === 'string' ? v.config : undefined,
            defaultOutDir: external_node_path_default().resolve(io.cwd, 'pymaint-reports')
        });
    }
    catch (e) {
        if (isConfigError(e)) {
            io.err(`pymaint: error: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    // Progress lines only on a terminal: in logs the checklist below says the same once.
    const quiet = v.quiet === true || !process.stderr.isTTY;
    const report = await scan(config, {
        onCheckDone: r => (quiet ? undefined : io.err(`  ${checkLine(r)}\n`))
    });
    const written = await writeReports(report, config);
    io.out(renderChecklist(report));
    io.out(`Reports: ${external_node_path_default().relative(io.cwd, written.dir) || '.'}\n`);
    return failsRun(report.status, config.failOn) ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/cli-entry.ts
// Entry of the CLI bundle (dist/cli/index.js).

main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
}, e => {
    process.stderr.write(`pymaint: internal error: ${e.stack ?? String(e)}\n`);
    process.exitCode = 2;
});

