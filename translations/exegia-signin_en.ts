<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ErrorText</name>
    <message numerus="yes">
        <source>A code was sent a moment ago. You can ask for a new one in %n second(s).</source>
        <translation>
            <numerusform>A code was sent a moment ago. You can ask for a new one in %n second.</numerusform>
            <numerusform>A code was sent a moment ago. You can ask for a new one in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Please wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Too many attempts. Please wait %n second and try again.</numerusform>
            <numerusform>Too many attempts. Please wait %n seconds and try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>exegia::signin::AuthModel</name>
    <message numerus="yes">
        <source>Use at most %n characters.</source>
        <translation>
            <numerusform>Use at most %n character.</numerusform>
            <numerusform>Use at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>exegia::signin::CodePage</name>
    <message numerus="yes">
        <source>For security, a new code can be sent in %n second(s).</source>
        <translation>
            <numerusform>For security, a new code can be sent in %n second.</numerusform>
            <numerusform>For security, a new code can be sent in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>exegia::signin::LocalInboxDialog</name>
    <message numerus="yes">
        <source>%n code(s) received.</source>
        <translation>
            <numerusform>%n code received.</numerusform>
            <numerusform>%n codes received.</numerusform>
        </translation>
    </message>
</context>
</TS>
