<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n run(s), each at the concurrency NAT&apos;s configuration gives, else the one its traces show (p95 of requests in flight)</source>
        <translation>
            <numerusform>%n run, at the concurrency NAT&apos;s configuration gives, else the one its traces show (p95 of requests in flight)</numerusform>
            <numerusform>%n runs, each at the concurrency NAT&apos;s configuration gives, else the one its traces show (p95 of requests in flight)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spanscope::LeaderboardPane</name>
    <message numerus="yes">
        <source>%n run(s) selected</source>
        <translation>
            <numerusform>%n run selected</numerusform>
            <numerusform>%n runs selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spanscope::MainWindow</name>
    <message numerus="yes">
        <source>%n path(s) could not be imported; the workspace is as it was before them.</source>
        <translation>
            <numerusform>%n path could not be imported; the workspace is as it was before it.</numerusform>
            <numerusform>%n paths could not be imported; the workspace is as it was before them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spanscope::TokensPane</name>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
</context>
</TS>
